package io.hardhats.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Passwords, camera credentials, session tokens and the service's keys appear in no log line
 * and no answer, even with the product's and Spring's web and security logging at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.io.hardhats=DEBUG", "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.security=DEBUG"})
class SecretsNeverLeakTest extends ApiTest {

    private static final String FIRST_PASSWORD = "Leak-Check-First-Pw-1";
    private static final String WRONG_PASSWORD = "Leak-Check-Wrong-Pw-2";
    private static final String SECOND_PASSWORD = "Leak-Check-Second-Pw-3";
    private static final String MEMBER_PASSWORD = "Leak-Check-Member-Pw-4";
    private static final String RTSP_PASSWORD = "Rtsp-Url-Secret-5";
    private static final String RTSP_FIELD_PASSWORD = "Rtsp-Field-Secret-6";
    private static final String RTSP_USERNAME = "camuser-leakcheck";
    private static final String HOOK_PATH = "Slack-Hook-Secret-7";

    @Test
    void noSecretAppearsInLogsOrAnswers(CapturedOutput output) {
        List<HttpResult> answers = new ArrayList<>();
        Set<String> tokens = new LinkedHashSet<>();
        ApiClient admin = client();
        String email = uniqueEmail("leak");

        answers.add(admin.post("/api/v1/auth/register", Map.of("organization_name", "Leak Corp", "email", email,
                "password", FIRST_PASSWORD, "full_name", "Lea K")));
        assertThat(answers.get(0).status()).isEqualTo(201);
        tokens.add(admin.sessionCookie());

        ApiClient second = client();
        answers.add(second.post("/api/v1/auth/login", Map.of("email", email, "password", FIRST_PASSWORD)));
        tokens.add(second.sessionCookie());
        answers.add(client().post("/api/v1/auth/login", Map.of("email", email, "password", WRONG_PASSWORD)));
        answers.add(client().post("/api/v1/auth/login", Map.of("email", uniqueEmail("nobody"),
                "password", WRONG_PASSWORD)));

        answers.add(admin.post("/api/v1/auth/change-password", Map.of("current_password", WRONG_PASSWORD,
                "new_password", SECOND_PASSWORD)));
        HttpResult changed = admin.post("/api/v1/auth/change-password", Map.of("current_password", FIRST_PASSWORD,
                "new_password", SECOND_PASSWORD));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        answers.add(changed);
        ApiClient third = client();
        HttpResult relogin = third.post("/api/v1/auth/login", Map.of("email", email, "password", SECOND_PASSWORD));
        assertThat(relogin.status()).isEqualTo(200);
        answers.add(relogin);
        tokens.add(third.sessionCookie());
        answers.add(admin.post("/api/v1/auth/refresh", null));
        tokens.add(admin.sessionCookie());

        answers.add(admin.post("/api/v1/users", Map.of("email", uniqueEmail("member"), "password", MEMBER_PASSWORD,
                "full_name", "Member", "role", "operator")));
        answers.add(admin.post("/api/v1/users", Map.of("email", uniqueEmail("weak"), "password", "weak",
                "full_name", "Weak", "role", "operator")));

        HttpResult camera = admin.post("/api/v1/cameras", Map.of("name", "Leak Cam", "source_type", "rtsp",
                "rtsp_url", "rtsp://" + RTSP_USERNAME + ":" + RTSP_PASSWORD + "@192.0.2.50:554/stream"));
        assertThat(camera.status()).as(camera.toString()).isEqualTo(201);
        answers.add(camera);
        String cameraId = camera.text("id");
        answers.add(admin.put("/api/v1/cameras/" + cameraId, Map.of("password", RTSP_FIELD_PASSWORD)));
        answers.add(admin.put("/api/v1/cameras/" + cameraId, Map.of("username", RTSP_USERNAME,
                "password", RTSP_FIELD_PASSWORD)));
        // Refused requests must not echo what they refused.
        answers.add(admin.post("/api/v1/cameras", Map.of("name", "Both", "source_type", "rtsp",
                "rtsp_url", "rtsp://" + RTSP_USERNAME + ":" + RTSP_PASSWORD + "@192.0.2.50/x",
                "password", RTSP_FIELD_PASSWORD)));
        answers.add(admin.post("/api/v1/cameras", Map.of("name", "Http", "source_type", "rtsp",
                "rtsp_url", "http://" + RTSP_USERNAME + ":" + RTSP_PASSWORD + "@192.0.2.50/x")));
        answers.add(admin.put("/api/v1/cameras/" + cameraId, Map.of("username", "a:b",
                "password", RTSP_FIELD_PASSWORD)));

        String channels = "/api/v1/notification-channels";
        HttpResult slack = admin.post(channels, Map.of("name", "Leak hook", "kind", "slack",
                "target", "https://192.0.2.60/services/" + HOOK_PATH));
        assertThat(slack.status()).as(slack.toString()).isEqualTo(201);
        answers.add(slack);
        answers.add(admin.patch(channels + "/" + slack.text("id"), Map.of("target",
                "https://192.0.2.61/services/" + HOOK_PATH)));
        answers.add(admin.post(channels, Map.of("name", "Refused", "kind", "webhook",
                "target", "ftp://192.0.2.60/" + HOOK_PATH)));
        // The signing secret is in the answer that made the channel, by design, and nowhere else.
        String signingSecret = admin.post(channels, Map.of("name", "Signed", "kind", "webhook",
                "target", "https://192.0.2.62/" + HOOK_PATH)).text("signing_secret");
        answers.add(admin.get(channels));
        answers.add(admin.get("/api/v1/cameras"));
        answers.add(admin.get("/api/v1/cameras/" + cameraId));
        answers.add(admin.get("/api/v1/audit-logs?limit=500"));
        answers.add(admin.get("/api/v1/auth/me"));
        answers.add(admin.get("/api/v1/users"));
        answers.add(admin.get("/api/v1/organization"));
        answers.add(admin.post("/api/v1/auth/logout", null));

        tokens.remove(null);
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(3);
        List<String> secrets = new ArrayList<>(List.of(FIRST_PASSWORD, WRONG_PASSWORD, SECOND_PASSWORD,
                MEMBER_PASSWORD, RTSP_PASSWORD, RTSP_FIELD_PASSWORD, HOOK_PATH, signingSecret, SECRET_KEY,
                ENCRYPTION_KEY, ENCRYPTION_KEY.replace('+', '-').replace('/', '_')));
        for (String token : tokens) {
            secrets.add(token);
            secrets.add(token.substring(token.lastIndexOf('.') + 1)); // the signature alone
        }

        String logs = output.getAll();
        assertThat(logs).as("debug logging was on").contains("DEBUG");
        for (String secret : secrets) {
            assertThat(logs).as("the log").doesNotContain(secret);
        }
        for (HttpResult answer : answers) {
            for (String secret : secrets) {
                assertThat(answer.body()).as("answer " + answer.status()).doesNotContain(secret);
            }
            assertThat(answer.body()).doesNotContain(RTSP_USERNAME);
        }
    }
}
