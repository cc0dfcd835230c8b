package io.hardhats.stream;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.hardhats.session.SessionPrincipal;
import io.hardhats.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * The places for live streams (MJPEG and SSE together) on this instance: {@link StreamLimits}
 * per sign-in and per organisation. A stream takes its place before it starts and gives it back
 * when it ends, however it ends (the viewer left, its session ended, the server stops), so one
 * organisation cannot hold every connection and thread of the instance.
 */
@Component
class StreamQuota {

    /** Roughly when a browser that left unnoticed has been found gone: the next heartbeat or frame write. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(15);

    /** A stream's place; giving it back twice gives it back once. */
    interface Place extends AutoCloseable {
        @Override
        void close();
    }

    private final StreamLimits limits;
    private final KeyedCounts<String> sessions = new KeyedCounts<>();
    private final KeyedCounts<UUID> organizations = new KeyedCounts<>();

    StreamQuota(StreamLimits limits) {
        this.limits = limits;
    }

    /** @throws ApiException 429 {@code too_many_streams} when the sign-in or its organisation holds its share */
    Place take(SessionPrincipal session) {
        String sessionId = session.sessionId();
        UUID organizationId = session.organizationId();
        if (!sessions.tryAdd(sessionId, limits.perSession())) {
            throw refused("this sign-in already has " + limits.perSession()
                    + " live streams open; close a live view (another tab or window)");
        }
        if (!organizations.tryAdd(organizationId, limits.perOrganization())) {
            sessions.remove(sessionId);
            throw refused("your organisation already has " + limits.perOrganization()
                    + " live streams open on this server; close a live view");
        }
        AtomicBoolean givenBack = new AtomicBoolean();
        return () -> {
            if (givenBack.compareAndSet(false, true)) {
                organizations.remove(organizationId);
                sessions.remove(sessionId);
            }
        };
    }

    private static ApiException refused(String why) {
        return ApiException.tooManyRequests("too_many_streams", why + ", then retry", RETRY_AFTER);
    }
}
