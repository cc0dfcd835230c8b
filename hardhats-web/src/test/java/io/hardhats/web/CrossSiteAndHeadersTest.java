package io.hardhats.web;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.hardhats.events.ViolationType;
import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import io.hardhats.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A cross-site HTML form cannot change anything with the victim's session cookie, and every
 * answer carries the browser hardening headers.
 */
class CrossSiteAndHeadersTest extends ApiTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Autowired
    private TenantData data;

    /** The admin's session cookie in a client that behaves like a cross-site form post. */
    private ApiClient formPoster(Member member) {
        return client().withSessionCookie(member.client().sessionCookie());
    }

    private int cameraCount(Member admin) {
        return admin.client().get("/api/v1/cameras").json().size();
    }

    @Test
    void aFormPostWithTheSessionCookieIsRefusedAndChangesNothing() {
        Member admin = register("Csrf Corp");
        UUID camera = createCamera(admin, "Gate");
        String cameraBefore = admin.client().get("/api/v1/cameras/" + camera).body();
        ApiClient attacker = formPoster(admin);

        assertError(attacker.send("POST", "/api/v1/cameras", "name=Evil&source_type=rtsp&rtsp_url=rtsp://evil/x", FORM),
                403, "forbidden");
        assertError(attacker.send("PUT", "/api/v1/cameras/" + camera, "name=Evil", FORM), 403, "forbidden");
        assertError(attacker.send("DELETE", "/api/v1/cameras/" + camera, null, null), 403, "forbidden");
        assertError(attacker.send("POST", "/api/v1/cameras", "{\"name\":\"Evil\"}", "text/plain"), 403);
        assertError(attacker.send("POST", "/api/v1/cameras", "x", "multipart/form-data; boundary=abc"), 403);
        assertError(attacker.send("POST", "/api/v1/users", "email=evil@example.test&role=admin", FORM), 403);
        assertError(attacker.send("POST", "/api/v1/auth/change-password",
                "current_password=" + PASSWORD + "&new_password=Attacker-Owns-1", FORM), 403);
        assertError(attacker.send("POST", "/api/v1/auth/logout", null, null), 403);

        assertThat(cameraCount(admin)).isEqualTo(1);
        assertThat(admin.client().get("/api/v1/cameras/" + camera).body()).isEqualTo(cameraBefore);
        assertThat(admin.client().get("/api/v1/users").json().size()).isEqualTo(1);
        assertThat(admin.client().get("/api/v1/auth/me").status()).as("still signed in").isEqualTo(200);
        assertThat(client().post("/api/v1/auth/login", Map.of("email", admin.email(), "password", PASSWORD)).status())
                .as("the password was not changed").isEqualTo(200);
    }

    @Test
    void withoutTheCookieTheGuardDoesNotApply() {
        Member admin = register("No Cookie Corp");
        // No session cookie: nothing to forge. The request gets its ordinary answer, not the guard's 403.
        HttpResult login = client().send("POST", "/api/v1/auth/login",
                "email=" + admin.email() + "&password=" + PASSWORD, FORM);
        assertError(login, 415, "unsupported_media_type");
        HttpResult camera = client().send("POST", "/api/v1/cameras", "name=x", FORM);
        assertError(camera, 401, "unauthorized");
        assertThat(cameraCount(admin)).isZero();
    }

    @Test
    void jsonAndMarkedRequestsWork() {
        Member admin = register("Json Corp");
        HttpResult created = admin.client().post("/api/v1/cameras", Map.of("name", "Json Cam", "source_type", "rtsp",
                "rtsp_url", "rtsp://192.0.2.40/json"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        HttpResult withCharset = admin.client().send("PUT", "/api/v1/cameras/" + created.text("id"),
                "{\"name\": \"Renamed\"}", "application/json; charset=utf-8");
        assertThat(withCharset.status()).as(withCharset.toString()).isEqualTo(200);
        assertThat(withCharset.text("name")).isEqualTo("Renamed");

        Member operator = addMember(admin, Role.OPERATOR);
        UUID camera = UUID.fromString(created.text("id"));
        UUID event = data.event(admin.organizationId(), camera, ViolationType.NO_HARDHAT, Instant.now());

        ApiClient bare = client().withSessionCookie(operator.client().sessionCookie());
        assertError(bare.send("POST", "/api/v1/events/" + event + "/acknowledge", null, null), 403, "forbidden");
        assertThat(admin.client().get("/api/v1/events/" + event).json().path("acknowledged").asBoolean()).isFalse();

        ApiClient marked = client().withSessionCookie(operator.client().sessionCookie())
                .header("X-Requested-With", "XMLHttpRequest");
        HttpResult acknowledged = marked.send("POST", "/api/v1/events/" + event + "/acknowledge", null, null);
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().path("acknowledged").asBoolean()).isTrue();

        HttpResult deleted = client().withSessionCookie(admin.client().sessionCookie())
                .header("X-Requested-With", "fetch").send("DELETE", "/api/v1/cameras/" + camera, null, null);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        HttpResult logout = client().withSessionCookie(admin.client().sessionCookie())
                .header("X-Requested-With", "XMLHttpRequest").send("POST", "/api/v1/auth/logout", null, null);
        assertThat(logout.status()).isEqualTo(204);
    }

    private static void assertHardened(HttpResult result) {
        assertThat(result.header("Content-Security-Policy")).as("CSP on " + result).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
        assertThat(result.header("X-Content-Type-Options")).as("nosniff on " + result).contains("nosniff");
        assertThat(result.header("X-Frame-Options")).as("frame options on " + result).contains("DENY");
        assertThat(result.header("Referrer-Policy")).as("referrer policy on " + result).isPresent();
    }

    @Test
    void everyAnswerCarriesTheHardeningHeaders() {
        Member admin = register("Headers Corp");
        HttpResult ok = admin.client().get("/api/v1/auth/me");
        assertThat(ok.status()).isEqualTo(200);
        assertHardened(ok);

        HttpResult unauthorised = client().get("/api/v1/cameras");
        assertThat(unauthorised.status()).isEqualTo(401);
        assertHardened(unauthorised);

        HttpResult missing = admin.client().get("/api/v1/cameras/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertHardened(missing);

        HttpResult noRoute = admin.client().get("/api/v1/nope");
        assertThat(noRoute.status()).isEqualTo(404);
        assertHardened(noRoute);

        HttpResult created = admin.client().post("/api/v1/cameras", Map.of("name", "Hdr", "source_type", "rtsp",
                "rtsp_url", "rtsp://192.0.2.41/h"));
        assertThat(created.status()).isEqualTo(201);
        assertHardened(created);

        HttpResult invalid = admin.client().put("/api/v1/cameras/" + created.text("id"), Map.of("target_fps", 9));
        assertThat(invalid.status()).isEqualTo(422);
        assertHardened(invalid);

        HttpResult badLogin = client().post("/api/v1/auth/login", Map.of("email", admin.email(), "password", "nope"));
        assertThat(badLogin.status()).isEqualTo(401);
        assertHardened(badLogin);

        assertHardened(client().get("/health"));

        HttpResult forged = formPoster(admin).send("POST", "/api/v1/cameras", "name=x", FORM);
        assertThat(forged.status()).isEqualTo(403);
        assertHardened(forged);

        HttpResult tooLarge = admin.client().send("POST", "/api/v1/cameras", "x".repeat(1024 * 1024 + 1),
                "application/json");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertHardened(tooLarge);
    }
}
