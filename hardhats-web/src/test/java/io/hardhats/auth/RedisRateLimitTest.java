package io.hardhats.auth;

import static io.hardhats.auth.RateLimitTest.assertRateLimited;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With REDIS_URL set, every web instance counts authentication attempts together in Redis.
 * A real redis-server runs as a child process; a second instance of the web service runs beside
 * the test's own, against the same database and Redis.
 */
@TestPropertySource(properties = {"hardhats.rate-limit.per-ip=5", "hardhats.rate-limit.per-email=3"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisRateLimitTest extends ApiTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
    private static final RedisServer REDIS = RedisServer.start();
    private static ConfigurableApplicationContext otherInstance;

    @DynamicPropertySource
    static void redisProperties(DynamicPropertyRegistry registry) {
        registry.add("hardhats.redis-url", REDIS::url);
    }

    @BeforeAll
    static void startAnotherInstance() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("hardhats.role", "web");
        properties.put("hardhats.secret-key", SECRET_KEY);
        properties.put("hardhats.encryption-key", ENCRYPTION_KEY);
        properties.put("hardhats.database-url", TestDatabase.url());
        properties.put("hardhats.redis-url", REDIS.url());
        properties.put("hardhats.rate-limit.per-ip", "5");
        properties.put("hardhats.rate-limit.per-email", "3");
        properties.put("hardhats.forwarded.trusted-proxies", "127.0.0.1/32,::1/128");
        // As command-line arguments: they outrank application.yml, which default properties do not.
        otherInstance = new SpringApplicationBuilder(HardhatsApplication.class).run(properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
    }

    @AfterAll
    static void stopEverything() {
        if (otherInstance != null) {
            otherInstance.close();
        }
        REDIS.close();
    }

    private static String newAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "192.0.2." + (n % 250 + 1);
    }

    @Override
    protected ApiClient client() {
        return new ApiClient(port).header("X-Forwarded-For", newAddress());
    }

    private ApiClient otherClient(String address) {
        int otherPort = otherInstance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        assertThat(otherPort).isNotEqualTo(port);
        return new ApiClient(otherPort).header("X-Forwarded-For", address);
    }

    private static HttpResult login(ApiClient client, String email, String password) {
        return client.post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    @Test
    @Order(1)
    void instancesShareTheCountsThroughRedis() {
        Member admin = register("Redis Limit Corp");
        String guesser = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(login(client().header("X-Forwarded-For", guesser), admin.email(), "Wrong-Password-" + i)
                    .status()).isEqualTo(401);
        }
        assertRateLimited(login(otherClient(guesser), admin.email(), PASSWORD));

        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(login(otherClient(address), uniqueEmail("spray" + i), "Wrong-Password-1").status())
                    .isEqualTo(401);
        }
        assertRateLimited(login(client().header("X-Forwarded-For", address), uniqueEmail("spray"),
                "Wrong-Password-1"));

        // Another e-mail from a fresh address is fine on either instance.
        Member other = register("Redis Other Corp");
        assertThat(login(otherClient(newAddress()), other.email(), PASSWORD).status()).isEqualTo(200);

        List<String> keys = REDIS.query(redis -> redis.keys("hardhats:ratelimit:*"));
        assertThat(keys).contains("hardhats:ratelimit:login:ip:" + address);
        assertThat(keys).anyMatch(key -> key.startsWith("hardhats:ratelimit:login:email:"));
        assertThat(keys).anyMatch(key -> key.startsWith("hardhats:ratelimit:login:pair:"));
        assertThat(keys).anyMatch(key -> key.startsWith("hardhats:ratelimit:register:ip:"));
        assertThat(keys).as("e-mails are kept as digests").noneMatch(key -> key.contains("@"));
        for (String key : keys) {
            long ttl = REDIS.query(redis -> redis.pttl(key));
            // Kept for the time to refill plus the longest window (the e-mail's hour): never forever.
            assertThat(ttl).as("expiry of " + key).isBetween(1L, Duration.ofMinutes(121).toMillis());
        }
    }

    @Test
    @Order(2)
    void readinessReportsRedisAndItsLoss() throws Exception {
        HttpResult ready = client().get("/health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.json().path("checks").path("redis").asString()).isEqualTo("ok");
        assertThat(ready.json().path("checks").path("database").asString()).isEqualTo("ok");

        REDIS.stop();

        HttpResult lost = client().get("/health/ready");
        assertThat(lost.status()).as(lost.toString()).isEqualTo(503);
        assertThat(lost.text("status")).isEqualTo("unavailable");
        assertThat(lost.json().path("checks").path("redis").asString()).isEqualTo("failed");
        assertThat(lost.json().path("checks").path("database").asString()).isEqualTo("ok");
        HttpResult live = client().get("/health");
        assertThat(live.status()).as("liveness does not depend on Redis").isEqualTo(200);
    }
}
