package io.hardhats.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.hardhats.support.ApiTest;
import io.hardhats.users.Role;
import org.junit.jupiter.api.Test;

/**
 * Open MJPEG and SSE streams end with the session that opened them: deactivation, logout,
 * a password change and a role change end them within seconds; other sessions' streams go on.
 */
class StreamsEndWithSessionTest extends ApiTest {

    private static final Duration SECONDS = Duration.ofSeconds(10);
    private static final Duration A_WHILE = Duration.ofSeconds(3);

    @Test
    void deactivationEndsTheUsersStreamsAndNoOneElses() throws Exception {
        Member admin = register("Deactivation Streams");
        Member operator = addMember(admin, Role.OPERATOR);
        UUID camera = createCamera(admin, "Gate");
        try (MjpegReader video = new MjpegReader(port, "/api/stream/" + camera, operator.client().sessionCookie());
                SseReader events = new SseReader(port, operator.client().sessionCookie(), null);
                SseReader adminEvents = new SseReader(port, admin.client().sessionCookie(), null)) {
            video.nextFrame();
            assertThat(events.nextComment(SECONDS)).as("open").isNotNull();

            assertThat(admin.client().delete("/api/v1/users/" + operator.userId()).status()).isEqualTo(204);

            assertThat(video.endsWithin(SECONDS)).as("MJPEG ended").isTrue();
            assertThat(events.endsWithin(SECONDS)).as("SSE ended").isTrue();
            assertThat(adminEvents.endsWithin(A_WHILE)).as("the admin's stream goes on").isFalse();
        }
    }

    @Test
    void logoutEndsThatSignInsStreamsOnly() throws Exception {
        Member admin = register("Logout Streams");
        Member operator = addMember(admin, Role.OPERATOR);
        var otherDevice = client();
        assertThat(otherDevice.post("/api/v1/auth/login", Map.of("email", operator.email(), "password", PASSWORD))
                .status()).isEqualTo(200);
        UUID camera = createCamera(admin, "Crane");
        try (MjpegReader video = new MjpegReader(port, "/api/stream/" + camera, operator.client().sessionCookie());
                SseReader events = new SseReader(port, operator.client().sessionCookie(), null);
                SseReader otherEvents = new SseReader(port, otherDevice.sessionCookie(), null)) {
            video.nextFrame();
            assertThat(events.nextComment(SECONDS)).isNotNull();

            assertThat(operator.client().post("/api/v1/auth/logout", null).status()).isEqualTo(204);

            assertThat(video.endsWithin(SECONDS)).as("MJPEG ended").isTrue();
            assertThat(events.endsWithin(SECONDS)).as("SSE ended").isTrue();
            assertThat(otherEvents.endsWithin(A_WHILE)).as("the other device goes on").isFalse();
        }
    }

    @Test
    void roleAndPasswordChangesEndTheStreams() throws Exception {
        Member admin = register("Role Streams");
        Member operator = addMember(admin, Role.OPERATOR);
        try (SseReader events = new SseReader(port, operator.client().sessionCookie(), null)) {
            assertThat(events.nextComment(SECONDS)).isNotNull();
            assertThat(admin.client().put("/api/v1/users/" + operator.userId(), Map.of("role", "manager")).status())
                    .isEqualTo(200);
            assertThat(events.endsWithin(SECONDS)).as("ended by the role change").isTrue();
        }
        try (SseReader events = new SseReader(port, operator.client().sessionCookie(), null)) {
            assertThat(events.nextComment(SECONDS)).as("the new role may stream").isNotNull();
            assertThat(operator.client().post("/api/v1/auth/change-password", Map.of("current_password", PASSWORD,
                    "new_password", "Another-Horse-8")).status()).isEqualTo(204);
            assertThat(events.endsWithin(SECONDS)).as("ended by the password change").isTrue();
        }
    }

    @Test
    void aNameChangeOrARefreshLeavesTheStreamsOpen() throws Exception {
        Member admin = register("Refresh Streams");
        Member operator = addMember(admin, Role.OPERATOR);
        try (SseReader events = new SseReader(port, operator.client().sessionCookie(), null)) {
            assertThat(events.nextComment(SECONDS)).isNotNull();
            assertThat(admin.client().put("/api/v1/users/" + operator.userId(), Map.of("full_name", "Renamed"))
                    .status()).isEqualTo(200);
            assertThat(operator.client().post("/api/v1/auth/refresh", null).status()).isEqualTo(200);
            assertThat(events.endsWithin(A_WHILE)).isFalse();
        }
    }
}
