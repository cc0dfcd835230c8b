package io.hardhats.stream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.context.SmartLifecycle;

/**
 * The endless responses of one kind that this instance holds open. Stopping ends them all
 * first, so the web server's graceful shutdown does not wait for streams that never finish; a
 * stream opened while stopping is ended at once.
 */
abstract class OpenStreams<T> implements SmartLifecycle {

    private final Set<T> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    /** Ends one stream from the server side. */
    protected abstract void end(T stream);

    protected void opened(T stream) {
        open.add(stream);
        if (!running) {
            end(stream);
        }
    }

    protected void closed(T stream) {
        open.remove(stream);
    }

    protected void forEachOpen(Consumer<T> action) {
        open.forEach(action);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.forEach(this::end);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
