package io.hardhats.pipeline;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one action per item, each on its own thread, and returns when all have finished. Stopping
 * a camera waits for its frame in flight and its reader to let go of the source (up to the I/O
 * timeout for a stalled RTSP read); forty of those one after another kept a worker from shutting
 * down for over a minute, side by side they take as long as the slowest.
 */
final class SideBySide {

    private static final Logger log = LoggerFactory.getLogger(SideBySide.class);

    private SideBySide() {
    }

    static <T> void forEach(Collection<T> items, String threadName, Consumer<T> action) {
        CompletableFuture<?>[] all = items.stream()
                .map(item -> CompletableFuture.runAsync(() -> {
                    try {
                        action.accept(item);
                    } catch (RuntimeException e) {
                        log.warn("{} failed for {}", threadName, item, e);
                    }
                }, task -> new Thread(task, threadName + "-" + item).start()))
                .toArray(CompletableFuture[]::new);
        // join() does not give up when this thread is interrupted: nothing may still be stopping
        // when this returns, because the caller releases the cameras' leases next.
        CompletableFuture.allOf(all).join();
    }
}
