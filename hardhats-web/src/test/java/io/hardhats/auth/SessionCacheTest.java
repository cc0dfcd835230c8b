package io.hardhats.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.hardhats.support.ApiTest;
import io.hardhats.tenancy.TenantTransactions;
import io.hardhats.users.Role;
import io.hardhats.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Session checks are kept in memory for a few seconds (5 by default): changes made through this
 * instance apply at once, changes this instance does not hear of (made by another one) within
 * that time.
 */
class SessionCacheTest extends ApiTest {

    @Autowired
    UserRepository users;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    SessionCacheProperties cache;

    @Test
    void aChangeMadeElsewhereIsSeenWithinTheCacheTime() {
        Member admin = register("Elsewhere Corp");
        Member operator = addMember(admin, Role.OPERATOR);
        assertThat(operator.client().get("/api/v1/auth/me").status()).isEqualTo(200);

        // As another web instance would: straight to the database, without telling this one.
        transactions.run(admin.organizationId(),
                () -> users.findById(operator.userId()).orElseThrow().setActive(false));

        assertThat(operator.client().get("/api/v1/auth/me").status()).as("checked from memory").isEqualTo(200);
        await().atMost(cache.ttl().plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> operator.client().get("/api/v1/auth/me").status() == 401);
    }

    @Test
    void roleChangesDeactivationAndLogoutMadeHereApplyAtOnce() {
        Member admin = register("Here Corp");
        Member operator = addMember(admin, Role.OPERATOR);
        assertThat(operator.client().get("/api/v1/organization").status()).isEqualTo(403);

        assertThat(admin.client().put("/api/v1/users/" + operator.userId(), Map.of("role", "manager")).status())
                .isEqualTo(200);
        assertThat(operator.client().get("/api/v1/organization").status()).as("promoted").isEqualTo(200);

        assertThat(admin.client().put("/api/v1/users/" + operator.userId(), Map.of("is_active", false)).status())
                .isEqualTo(200);
        assertThat(operator.client().get("/api/v1/auth/me").status()).as("deactivated").isEqualTo(401);

        String token = admin.client().sessionCookie();
        assertThat(admin.client().get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(admin.client().post("/api/v1/auth/logout", null).status()).isEqualTo(204);
        assertThat(client().withSessionCookie(token).get("/api/v1/auth/me").status()).as("logged out").isEqualTo(401);
    }
}
