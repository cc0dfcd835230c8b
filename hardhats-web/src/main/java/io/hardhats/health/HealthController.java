package io.hardhats.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.hardhats.config.RedisConnection;
import io.hardhats.tenancy.TenantContext;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness ({@code /health}) and readiness ({@code /health/ready}: database, and Redis when configured). */
@RestController
public record HealthController(JdbcTemplate jdbc, RedisConnection redis) {

    private static final int DATABASE_CHECK_SECONDS = 2;

    @GetMapping("/health")
    public Map<String, String> live() {
        return Map.of("status", "ok");
    }

    @GetMapping("/health/ready")
    public ResponseEntity<Map<String, Object>> ready() {
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("database", check(() -> {
            // Bounded twice: the pool gives up on a connection within seconds, and the check on a
            // connection it hands out has a timeout of its own, so readiness answers within 5 s.
            Boolean valid = TenantContext.callAsSystem(() -> jdbc.execute(
                    (ConnectionCallback<Boolean>) connection -> connection.isValid(DATABASE_CHECK_SECONDS)));
            if (!Boolean.TRUE.equals(valid)) {
                throw new IllegalStateException("database did not answer");
            }
        }));
        redis.client().ifPresent(client -> checks.put("redis", check(() -> {
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.async().ping().get(2, TimeUnit.SECONDS);
            }
        })));
        boolean ready = checks.values().stream().allMatch("ok"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "ready" : "unavailable");
        body.put("checks", checks);
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private interface Check {
        void run() throws Exception;
    }

    private static String check(Check check) {
        try {
            check.run();
            return "ok";
        } catch (Exception e) {
            return "failed";
        }
    }
}
