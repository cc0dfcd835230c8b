package io.hardhats.auth;

import static io.hardhats.auth.RateLimitTest.assertRateLimited;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
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
    private static Process redis;
    private static int redisPort;
    private static Path redisDir;
    private static ConfigurableApplicationContext otherInstance;

    static synchronized void startRedis() {
        if (redis != null) {
            return;
        }
        try {
            try (ServerSocket socket = new ServerSocket(0)) {
                redisPort = socket.getLocalPort();
            }
            redisDir = Files.createTempDirectory("hardhats-redis");
            redis = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", redisDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(redisDir.resolve("redis.log").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!answersPing()) {
                if (!redis.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server did not start: "
                            + Files.readString(redisDir.resolve("redis.log")));
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server (apt-get install redis-server)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", redisPort), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buffer = new byte[16];
            InputStream in = socket.getInputStream();
            int n = in.read(buffer);
            return n > 0 && new String(buffer, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String redisUrl() {
        return "redis://127.0.0.1:" + redisPort;
    }

    @DynamicPropertySource
    static void redisProperties(DynamicPropertyRegistry registry) {
        startRedis();
        registry.add("hardhats.redis-url", RedisRateLimitTest::redisUrl);
    }

    @BeforeAll
    static void startAnotherInstance() {
        startRedis();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("hardhats.role", "web");
        properties.put("hardhats.secret-key", SECRET_KEY);
        properties.put("hardhats.encryption-key", ENCRYPTION_KEY);
        properties.put("hardhats.database-url", TestDatabase.url());
        properties.put("hardhats.redis-url", redisUrl());
        properties.put("hardhats.rate-limit.per-ip", "5");
        properties.put("hardhats.rate-limit.per-email", "3");
        // As command-line arguments: they outrank application.yml, which default properties do not.
        otherInstance = new SpringApplicationBuilder(HardhatsApplication.class).run(properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (otherInstance != null) {
            otherInstance.close();
        }
        if (redis != null) {
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (redisDir != null) {
            try (var files = Files.walk(redisDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
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
        for (int i = 0; i < 3; i++) {
            assertThat(login(client(), admin.email(), "Wrong-Password-" + i).status()).isEqualTo(401);
        }
        assertRateLimited(login(otherClient(newAddress()), admin.email(), PASSWORD));

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

        RedisClient client = RedisClient.create(redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys("hardhats:ratelimit:*");
            assertThat(keys).contains("hardhats:ratelimit:login:ip:" + address);
            assertThat(keys).anyMatch(key -> key.startsWith("hardhats:ratelimit:login:email:"));
            assertThat(keys).anyMatch(key -> key.startsWith("hardhats:ratelimit:register:ip:"));
            assertThat(keys).as("e-mails are kept as digests").noneMatch(key -> key.contains("@"));
            for (String key : keys) {
                long ttl = connection.sync().pttl(key);
                // Kept for the time to refill plus one window (15 minutes): never forever.
                assertThat(ttl).as("expiry of " + key).isBetween(1L, Duration.ofMinutes(31).toMillis());
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    @Order(2)
    void readinessReportsRedisAndItsLoss() throws Exception {
        HttpResult ready = client().get("/health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.json().path("checks").path("redis").asString()).isEqualTo("ok");
        assertThat(ready.json().path("checks").path("database").asString()).isEqualTo("ok");

        redis.destroy();
        assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();

        HttpResult lost = client().get("/health/ready");
        assertThat(lost.status()).as(lost.toString()).isEqualTo(503);
        assertThat(lost.text("status")).isEqualTo("unavailable");
        assertThat(lost.json().path("checks").path("redis").asString()).isEqualTo("failed");
        assertThat(lost.json().path("checks").path("database").asString()).isEqualTo("ok");
        HttpResult live = client().get("/health");
        assertThat(live.status()).as("liveness does not depend on Redis").isEqualTo(200);
    }
}
