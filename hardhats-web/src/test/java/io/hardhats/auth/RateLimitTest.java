package io.hardhats.auth;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The authentication endpoints allow a few attempts per client address, per (e-mail, address)
 * pair and, more slowly, per e-mail. Clients are told apart by X-Forwarded-For, which the server
 * trusts from the loopback proxy the tests configure.
 */
@TestPropertySource(properties = {"hardhats.rate-limit.per-ip=5", "hardhats.rate-limit.per-email=3",
        "hardhats.rate-limit.per-email-global=8"})
class RateLimitTest extends ApiTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    /** A client at an address of its own, so tests and helpers do not use up each other's allowance. */
    @Override
    protected ApiClient client() {
        return clientAt(newAddress());
    }

    private ApiClient clientAt(String address) {
        return new ApiClient(port).header("X-Forwarded-For", address);
    }

    private static String newAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static HttpResult login(ApiClient client, String email, String password) {
        return client.post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    static void assertRateLimited(HttpResult result) {
        assertError(result, 429, "rate_limited");
        String retryAfter = result.header("Retry-After").orElseThrow(() -> new AssertionError("no Retry-After"));
        assertThat(retryAfter).matches("\\d+");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15L * 60);
    }

    @Test
    void aStrangerGuessingAPasswordCannotLockItsOwnerOut() {
        Member admin = register("Limit Corp");
        String attacker = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(login(clientAt(attacker), admin.email(), "Wrong-Password-" + i).status()).isEqualTo(401);
        }
        assertRateLimited(login(clientAt(attacker), admin.email(), "Wrong-Password-9"));
        // Even the right password waits, from the address that was guessing.
        HttpResult right = login(clientAt(attacker), admin.email(), PASSWORD);
        assertRateLimited(right);
        assertThat(right.setCookies()).noneMatch(cookie -> cookie.startsWith("session=") && !cookie.startsWith("session=;"));
        // The e-mail's case and surrounding spaces do not make a new allowance.
        assertRateLimited(login(clientAt(attacker), "  " + admin.email().toUpperCase() + " ", PASSWORD));
        // The owner, at their own address, signs in.
        assertThat(login(client(), admin.email(), PASSWORD).status()).isEqualTo(200);
        assertThat(admin.client().get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void manyAddressesTogetherReachTheEmailsOwnSlowerLimit() {
        Member admin = register("Botnet Target Corp");
        for (int i = 0; i < 8; i++) {
            assertThat(login(client(), admin.email(), "Wrong-Password-" + i).status()).isEqualTo(401);
        }
        HttpResult right = login(client(), admin.email(), PASSWORD);
        assertRateLimited(right);
        assertThat(Long.parseLong(right.header("Retry-After").orElseThrow())).as("the e-mail's window is an hour")
                .isLessThanOrEqualTo(3600);
        Member other = register("Unaffected Corp");
        assertThat(login(client(), other.email(), PASSWORD).status()).as("other e-mails are not affected")
                .isEqualTo(200);
    }

    @Test
    void oneAddressTryingManyEmailsIsLimited() {
        String attacker = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(login(clientAt(attacker), uniqueEmail("guess" + i), "Wrong-Password-1").status())
                    .isEqualTo(401);
        }
        assertRateLimited(login(clientAt(attacker), uniqueEmail("guess"), "Wrong-Password-1"));

        Member admin = register("Victim Corp");
        assertRateLimited(login(clientAt(attacker), admin.email(), PASSWORD));
        assertThat(login(clientAt(newAddress()), admin.email(), PASSWORD).status())
                .as("another address is not limited").isEqualTo(200);
    }

    @Test
    void theForwardedAddressIsWhatCounts() {
        String proxied = newAddress();
        for (int i = 0; i < 5; i++) {
            login(clientAt(proxied), uniqueEmail("p" + i), "Wrong-Password-1");
        }
        assertRateLimited(login(clientAt(proxied), uniqueEmail("p"), "Wrong-Password-1"));
        // Prepending an invented address does not escape: only the address our proxy saw counts.
        assertRateLimited(login(clientAt("203.0.113.9, " + proxied), uniqueEmail("q"), "Wrong-Password-1"));
        assertThat(login(clientAt(newAddress()), uniqueEmail("r"), "Wrong-Password-1").status()).isEqualTo(401);
    }

    @Test
    void registrationIsLimitedToo() {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            HttpResult created = clientAt(address).post("/api/v1/auth/register", Map.of("organization_name",
                    "Signup " + i, "email", uniqueEmail("signup"), "password", PASSWORD, "full_name", "S"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        String email = uniqueEmail("sixth");
        HttpResult sixth = clientAt(address).post("/api/v1/auth/register", Map.of("organization_name", "Signup 6",
                "email", email, "password", PASSWORD, "full_name", "S"));
        assertRateLimited(sixth);
        assertThat(login(client(), email, PASSWORD).status()).as("nothing was created").isEqualTo(401);

        // Per e-mail and address as well: probing whether an e-mail has an account is limited.
        String taken = uniqueEmail("taken");
        assertThat(client().post("/api/v1/auth/register", Map.of("organization_name", "Taken", "email", taken,
                "password", PASSWORD, "full_name", "T")).status()).isEqualTo(201);
        String prober = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(clientAt(prober).post("/api/v1/auth/register", Map.of("organization_name", "Taken",
                    "email", taken, "password", PASSWORD, "full_name", "T")).status()).isEqualTo(409);
        }
        assertRateLimited(clientAt(prober).post("/api/v1/auth/register", Map.of("organization_name", "Taken",
                "email", taken, "password", PASSWORD, "full_name", "T")));
    }
}
