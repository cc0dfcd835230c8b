package io.hardhats.clips;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs clip jobs off the cameras' threads, bounded: each job waits for its delay (the seconds
 * after the violation), a camera's jobs run one after the other, and the worker runs at most
 * {@code writers} at once with a short queue behind them. A job that finds the queue full is
 * dropped (its event stays without a clip) rather than holding its video in memory.
 */
class ClipWriters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClipWriters.class);
    static final int QUEUED_PER_WRITER = 8;

    private final ScheduledExecutorService timer;
    private final ThreadPoolExecutor pool;
    private final Map<UUID, CompletableFuture<Void>> lastOfCamera = new ConcurrentHashMap<>();

    ClipWriters(int writers) {
        AtomicInteger n = new AtomicInteger();
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "clip-timer"));
        this.pool = new ThreadPoolExecutor(writers, writers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(writers * QUEUED_PER_WRITER),
                task -> daemon(task, "clip-writer-" + n.incrementAndGet()));
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Runs {@code job} after {@code delay}, once the camera's earlier jobs are done. */
    void submit(UUID cameraId, Duration delay, Runnable job) {
        timer.schedule(() -> enqueue(cameraId, job), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void enqueue(UUID cameraId, Runnable job) {
        CompletableFuture<Void> next = lastOfCamera.compute(cameraId, (id, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                        .handle((ignored, failure) -> null)
                        .thenRunAsync(job, pool));
        next.whenComplete((ignored, failure) -> {
            lastOfCamera.remove(cameraId, next);
            if (failure != null) {
                log.warn("Camera {}: a clip was dropped: {}", cameraId, failure.toString());
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdownNow();
    }
}
