package io.hardhats.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * From a trusted proxy (the tests' loopback), the client is the right-most address that is not a
 * trusted proxy, and whatever is not an IP address is never stored as one.
 */
class TrustedProxyChainTest extends ApiTest {

    private String auditedAddress(String forwardedFor) {
        ApiClient client = new ApiClient(port).header("X-Forwarded-For", forwardedFor);
        HttpResult registered = client.post("/api/v1/auth/register", Map.of("organization_name", "Proxied",
                "email", uniqueEmail("proxied"), "password", PASSWORD, "full_name", "P"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode entry = client.get("/api/v1/audit-logs").json().path("items").get(0);
        return entry.path("ip_address").isNull() ? null : entry.path("ip_address").asString();
    }

    @Test
    void theClientIsTheRightMostUntrustedAddress() {
        assertThat(auditedAddress("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(auditedAddress("203.0.113.9, 198.51.100.8")).as("a prepended address is the client's invention")
                .isEqualTo("198.51.100.8");
        assertThat(auditedAddress("198.51.100.9, 127.0.0.1")).as("trusted hops are skipped")
                .isEqualTo("198.51.100.9");
        assertThat(auditedAddress("2001:db8:0:0::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void textThatIsNotAnAddressIsNeverStored() {
        for (String forged : new String[] {"<script>", "0x7f000001", "0177.0.0.1", "127.1", "example.com",
                "8.8.8.8 <b>", "1.2.3.4.5", "::ffff:zz"}) {
            assertThat(auditedAddress(forged)).as(forged).isEqualTo("127.0.0.1");
        }
    }
}
