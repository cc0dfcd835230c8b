package io.hardhats.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.hardhats.support.ApiTest;
import io.hardhats.users.Role;
import org.junit.jupiter.api.Test;

/** A session token never outlives what ended it: a deactivation, or its replacement by a refresh. */
class SessionLifetimeTest extends ApiTest {

    @Test
    void aTokenFromBeforeADeactivationStaysDeadAfterReactivation() {
        Member admin = register("Reactivation Corp");
        Member operator = addMember(admin, Role.OPERATOR);
        String before = operator.client().sessionCookie();

        assertThat(admin.client().delete("/api/v1/users/" + operator.userId()).status()).isEqualTo(204);
        assertThat(admin.client().put("/api/v1/users/" + operator.userId(), Map.of("is_active", true)).status())
                .isEqualTo(200);

        assertThat(client().withSessionCookie(before).get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(client().post("/api/v1/auth/login", Map.of("email", operator.email(), "password", PASSWORD))
                .status()).as("the person signs in again").isEqualTo(200);
    }

    @Test
    void refreshRevokesTheTokenItReplaces() {
        Member admin = register("Refresh Corp");
        String old = admin.client().sessionCookie();

        assertThat(admin.client().post("/api/v1/auth/refresh", null).status()).isEqualTo(200);
        String fresh = admin.client().sessionCookie();

        assertThat(fresh).isNotEqualTo(old);
        assertThat(client().withSessionCookie(old).get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(client().withSessionCookie(old).post("/api/v1/auth/refresh", null).status())
                .as("a copy of the old token cannot refresh either").isEqualTo(401);
        assertThat(admin.client().get("/api/v1/auth/me").status()).isEqualTo(200);
    }
}
