package io.hardhats.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hardhats.auth.SessionNotices;
import io.hardhats.session.SessionPrincipal;
import io.hardhats.users.Role;
import org.junit.jupiter.api.Test;

class OpenStreamsTest {

    private static final class Recording extends OpenStreams<String> {
        final List<String> ended = new ArrayList<>();

        Recording() {
            super(new StreamQuota(new StreamLimits(null, null, null, null)));
        }

        @Override
        protected void end(String stream) {
            ended.add(stream);
        }
    }

    private static SessionPrincipal session(UUID userId, String sessionId) {
        return new SessionPrincipal(userId, UUID.randomUUID(), Role.OPERATOR, UUID.randomUUID().toString(),
                Instant.now().plusSeconds(3600), sessionId, 0);
    }

    @Test
    void stoppingEndsTheOpenStreamsAndAnyOpenedAfterwards() {
        Recording streams = new Recording();
        streams.start();
        SessionPrincipal session = session(UUID.randomUUID(), "s");
        streams.opened("a", session);
        streams.opened("b", session);
        streams.closed("b");
        assertThat(streams.ended).isEmpty();

        streams.stop();
        assertThat(streams.isRunning()).isFalse();
        assertThat(streams.ended).containsExactly("a");

        streams.opened("late", session);
        assertThat(streams.ended).containsExactly("a", "late");
    }

    @Test
    void aSessionChangeEndsOnlyTheStreamsOfTheSessionsItMatches() {
        Recording streams = new Recording();
        streams.start();
        UUID user = UUID.randomUUID();
        streams.opened("first sign-in", session(user, "one"));
        streams.opened("second sign-in", session(user, "two"));
        streams.opened("someone else", session(UUID.randomUUID(), "three"));

        streams.endSessions(new SessionNotices.StreamsToEnd(session -> "one".equals(session.sessionId())));
        assertThat(streams.ended).containsExactly("first sign-in");
        streams.closed("first sign-in");

        streams.endSessions(new SessionNotices.StreamsToEnd(session -> session.userId().equals(user)));
        assertThat(streams.ended).containsExactly("first sign-in", "second sign-in");
    }
}
