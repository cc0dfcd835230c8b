package io.hardhats.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.hardhats.auth.SessionNotices;
import io.hardhats.session.SessionPrincipal;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * The endless responses of one kind that this instance holds open, each with the session that
 * opened it. A session change ends that session's streams ({@link SessionNotices.StreamsToEnd}),
 * so a stream never outlives the rights it was opened with. Stopping ends them all first, so the
 * web server's graceful shutdown does not wait for streams that never finish; a stream opened
 * while stopping is ended at once.
 */
abstract class OpenStreams<T> implements SmartLifecycle {

    private final Map<T, SessionPrincipal> open = new ConcurrentHashMap<>();
    private volatile boolean running;

    /** Ends one stream from the server side. */
    protected abstract void end(T stream);

    protected void opened(T stream, SessionPrincipal session) {
        open.put(stream, session);
        if (!running) {
            end(stream);
        }
    }

    protected void closed(T stream) {
        open.remove(stream);
    }

    protected void forEachOpen(Consumer<T> action) {
        open.keySet().forEach(action);
    }

    @EventListener
    void endSessions(SessionNotices.StreamsToEnd change) {
        open.forEach((stream, session) -> {
            if (change.matches().test(session)) {
                end(stream);
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.keySet().forEach(this::end);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
