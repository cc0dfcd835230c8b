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
 * opened it and its place in the {@link StreamQuota}, given back when it closes. A session change ends that session's streams ({@link SessionNotices.StreamsToEnd}),
 * so a stream never outlives the rights it was opened with. Stopping ends them all first, so the
 * web server's graceful shutdown does not wait for streams that never finish; a stream opened
 * while stopping is ended at once.
 */
abstract class OpenStreams<T> implements SmartLifecycle {

    private record Held(SessionPrincipal session, StreamQuota.Place place) {
    }

    private final StreamQuota quota;
    private final Map<T, Held> open = new ConcurrentHashMap<>();
    private volatile boolean running;

    protected OpenStreams(StreamQuota quota) {
        this.quota = quota;
    }

    /** Ends one stream from the server side. */
    protected abstract void end(T stream);

    /**
     * Call before the stream starts to cost anything.
     *
     * @throws io.hardhats.web.ApiException 429 when the session or its organisation holds its share of streams
     */
    protected void opened(T stream, SessionPrincipal session) {
        open.put(stream, new Held(session, quota.take(session)));
        if (!running) {
            end(stream);
        }
    }

    protected void closed(T stream) {
        Held held = open.remove(stream);
        if (held != null) {
            held.place().close();
        }
    }

    protected void forEachOpen(Consumer<T> action) {
        open.keySet().forEach(action);
    }

    @EventListener
    void endSessions(SessionNotices.StreamsToEnd change) {
        open.forEach((stream, held) -> {
            if (change.matches().test(held.session())) {
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
