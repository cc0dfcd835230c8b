package io.hardhats.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.Test;

class AuthFlowTest extends ApiTest {

    @Test
    void registerSetsAHardenedSessionCookieAndSignsIn() {
        ApiClient client = client();
        String email = uniqueEmail("Founder").toUpperCase();
        HttpResult result = client.post("/api/v1/auth/register", Map.of("organization_name", "Émile & Sons Builders",
                "email", email, "password", PASSWORD, "full_name", "Émile"));

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.json().path("organization").path("slug").asString()).isEqualTo("emile-sons-builders");
        assertThat(result.json().path("user").path("role").asString()).isEqualTo("admin");
        assertThat(result.json().path("user").has("password_hash")).isFalse();
        String cookie = result.setCookies().get(0);
        assertThat(cookie).startsWith("session=").contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/",
                "Max-Age=3600");

        HttpResult me = client.get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(email.toLowerCase());
        assertThat(me.text("role")).isEqualTo("admin");
        assertThat(me.json().path("organization").path("slug").asString()).isEqualTo("emile-sons-builders");
    }

    @Test
    void sameOrganisationNameGetsAUniqueSlug() {
        String name = "Slug Test " + UUID.randomUUID().toString().substring(0, 6);
        Member first = register(name);
        Member second = register(name);
        String firstSlug = first.client().get("/api/v1/organization").json().path("slug").asString();
        String secondSlug = second.client().get("/api/v1/organization").json().path("slug").asString();
        assertThat(secondSlug).isEqualTo(firstSlug + "-2");
    }

    @Test
    void duplicateEmailIsAConflictAndCreatesNothing() {
        Member admin = register("Dup Corp");
        HttpResult again = client().post("/api/v1/auth/register", Map.of("organization_name", "Dup Corp 2",
                "email", admin.email().toUpperCase(), "password", PASSWORD, "full_name", "Someone"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("error")).isEqualTo("email_taken");
    }

    @Test
    void weakPasswordsAreRefused() {
        String email = uniqueEmail("weak");
        for (String password : new String[] {"Short1!", "alllowercaseletters", "1234567890123", email}) {
            HttpResult result = client().post("/api/v1/auth/register", Map.of("organization_name", "Weak",
                    "email", email, "password", password, "full_name", "W"));
            assertThat(result.status()).as(password).isEqualTo(422);
            assertThat(result.text("error")).isEqualTo("validation_failed");
            assertThat(result.body()).doesNotContain(password);
        }
        assertThat(client().post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).status())
                .isEqualTo(401);
    }

    @Test
    void loginFailuresLookTheSameForUnknownEmailAndWrongPassword() {
        Member admin = register("Login Corp");
        HttpResult wrongPassword = client().post("/api/v1/auth/login",
                Map.of("email", admin.email(), "password", "Wrong-Password-1"));
        HttpResult unknownEmail = client().post("/api/v1/auth/login",
                Map.of("email", uniqueEmail("nobody"), "password", "Wrong-Password-1"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());

        ApiClient fresh = client();
        HttpResult ok = fresh.post("/api/v1/auth/login", Map.of("email", admin.email(), "password", PASSWORD));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("user").path("last_login").isNull()).isFalse();
        assertThat(fresh.get("/api/v1/auth/me").status()).isEqualTo(200);

        var actions = admin.client().get("/api/v1/audit-logs").json().path("items").valueStream()
                .map(item -> item.path("action").asString()).toList();
        assertThat(actions).contains("register", "login_failed", "login");
    }

    @Test
    void logoutClearsTheCookieAndRevokesTheToken() {
        Member admin = register("Logout Corp");
        String token = admin.client().sessionCookie();

        HttpResult logout = admin.client().post("/api/v1/auth/logout", null);
        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.setCookies().get(0)).startsWith("session=;").contains("Max-Age=0");

        HttpResult replay = client().withSessionCookie(token).get("/api/v1/auth/me");
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.text("error")).isEqualTo("unauthorized");
    }

    @Test
    void refreshIssuesANewWorkingSession() {
        Member admin = register("Refresh Corp");
        String before = admin.client().sessionCookie();
        HttpResult refreshed = admin.client().post("/api/v1/auth/refresh", null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(admin.client().sessionCookie()).isNotEqualTo(before);
        assertThat(refreshed.json().path("expires_at").asString()).isNotBlank();
        assertThat(admin.client().get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(client().post("/api/v1/auth/refresh", null).status()).isEqualTo(401);
    }

    @Test
    void expiredForgedAndMissingSessionsAreRejected() throws Exception {
        Member admin = register("Expiry Corp");
        String expired = sign(admin, Instant.now().minusSeconds(120), SECRET_KEY);
        String forged = sign(admin, Instant.now().plusSeconds(600), "another-key-that-is-long-enough-0123456789");
        String valid = sign(admin, Instant.now().plusSeconds(600), SECRET_KEY);

        assertThat(client().withSessionCookie(expired).get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(client().withSessionCookie(forged).get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(client().withSessionCookie("not-a-jwt").get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(client().get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(client().withSessionCookie(valid).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void aStaleCookieDoesNotStopALogin() {
        Member admin = register("Stale Corp");
        ApiClient client = client().withSessionCookie("garbage");
        assertThat(client.post("/api/v1/auth/login", Map.of("email", admin.email(), "password", PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void changePasswordNeedsTheCurrentOne() {
        Member admin = register("Password Corp");
        String newPassword = "Brand-New-Secret-9";

        HttpResult wrong = admin.client().post("/api/v1/auth/change-password",
                Map.of("current_password", "Not-The-Password-1", "new_password", newPassword));
        assertThat(wrong.status()).isEqualTo(422);
        HttpResult weak = admin.client().post("/api/v1/auth/change-password",
                Map.of("current_password", PASSWORD, "new_password", "weak"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(client().post("/api/v1/auth/login", Map.of("email", admin.email(), "password", PASSWORD))
                .status()).isEqualTo(200);

        HttpResult ok = admin.client().post("/api/v1/auth/change-password",
                Map.of("current_password", PASSWORD, "new_password", newPassword));
        assertThat(ok.status()).isEqualTo(204);
        assertThat(client().post("/api/v1/auth/login", Map.of("email", admin.email(), "password", PASSWORD))
                .status()).isEqualTo(401);
        assertThat(client().post("/api/v1/auth/login", Map.of("email", admin.email(), "password", newPassword))
                .status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionAndKeepsThisOne() {
        Member admin = register("Sessions Corp");
        String before = admin.client().sessionCookie();
        ApiClient elsewhere = client();
        assertThat(elsewhere.post("/api/v1/auth/login", Map.of("email", admin.email(), "password", PASSWORD))
                .status()).isEqualTo(200);
        assertThat(elsewhere.get("/api/v1/auth/me").status()).isEqualTo(200);

        HttpResult changed = admin.client().post("/api/v1/auth/change-password",
                Map.of("current_password", PASSWORD, "new_password", "Brand-New-Secret-9"));
        assertThat(changed.status()).isEqualTo(204);
        assertThat(changed.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("session=").contains("HttpOnly"));

        assertThat(admin.client().sessionCookie()).isNotEqualTo(before);
        assertThat(admin.client().get("/api/v1/auth/me").status()).as("this browser's new session").isEqualTo(200);
        assertThat(client().withSessionCookie(before).get("/api/v1/auth/me").status()).as("the older token")
                .isEqualTo(401);
        assertThat(elsewhere.get("/api/v1/auth/me").status()).as("another browser's session").isEqualTo(401);
    }

    @Test
    void deactivatedUsersLoseTheirSessionAndCannotSignIn() {
        Member admin = register("Deactivate Corp");
        Member operator = addMember(admin, io.hardhats.users.Role.OPERATOR);
        assertThat(operator.client().get("/api/v1/auth/me").status()).isEqualTo(200);

        assertThat(admin.client().delete("/api/v1/users/" + operator.userId()).status()).isEqualTo(204);

        assertThat(operator.client().get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(client().post("/api/v1/auth/login", Map.of("email", operator.email(), "password", PASSWORD))
                .status()).isEqualTo(401);
    }

    private static String sign(Member member, Instant expiresAt, String key) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(member.userId().toString())
                .claim("org", member.organizationId().toString())
                .claim("role", "admin")
                .issueTime(Date.from(expiresAt.minusSeconds(3600)))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key.getBytes()));
        return jwt.serialize();
    }
}
