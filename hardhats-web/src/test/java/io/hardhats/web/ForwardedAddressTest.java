package io.hardhats.web;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * X-Forwarded-For is believed only from configured proxies. Here the only trusted proxies are in
 * 192.0.2.0/24 and the tests connect from loopback, as an attacker reaching the service directly.
 */
@TestPropertySource(properties = {"hardhats.forwarded.trusted-proxies=192.0.2.0/24", "hardhats.rate-limit.per-ip=5"})
class ForwardedAddressTest extends ApiTest {

    @Test
    void aRotatingForwardedAddressFromAnUntrustedPeerDoesNotEscapeTheLimit() {
        HttpResult last = null;
        for (int i = 0; i < 6; i++) {
            last = new ApiClient(port).header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .post("/api/v1/auth/login", Map.of("email", uniqueEmail("rotate" + i), "password", "Wrong-1"));
        }
        assertError(last, 429, "rate_limited");
    }

    @Test
    void theAuditTrailStoresThePeerNotWhatTheClientWrote() {
        for (String forged : new String[] {"8.8.8.8", "<script>alert(1)</script>"}) {
            ApiClient forger = new ApiClient(port).header("X-Forwarded-For", forged);
            HttpResult registered = forger.post("/api/v1/auth/register", Map.of("organization_name", "Forger",
                    "email", uniqueEmail("forger"), "password", PASSWORD, "full_name", "F"));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            JsonNode entry = forger.get("/api/v1/audit-logs").json().path("items").get(0);
            assertThat(entry.path("action").asString()).isEqualTo("register");
            assertThat(entry.path("ip_address").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        }
    }
}
