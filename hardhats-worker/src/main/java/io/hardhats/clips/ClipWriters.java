package io.hardhats.clips;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs clip jobs off the cameras' threads, bounded: each job waits for its delay (the seconds
 * after the violation), a camera's jobs run one after the other, the worker runs at most
 * {@code writers} at once, and it accepts a job only while fewer than {@code pending} jobs (and
 * fewer than {@code pendingPerCamera} of the camera's) are waiting or running. Every accepted job
 * holds its video until it ends, so the bound counts them from acceptance, not from when they
 * reach a writer; a job refused keeps nothing (its event stays without a clip).
 */
class ClipWriters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClipWriters.class);

    private final int pending;
    private final int pendingPerCamera;
    private final ScheduledExecutorService timer;
    private final ExecutorService pool;
    private final Map<UUID, CompletableFuture<Void>> lastOfCamera = new ConcurrentHashMap<>();
    /** Accepted jobs not yet ended, per camera; guarded by {@code this}. */
    private final Map<UUID, Integer> pendingOfCamera = new HashMap<>();
    private int pendingAll;

    ClipWriters(int writers, int pending, int pendingPerCamera) {
        this.pending = pending;
        this.pendingPerCamera = pendingPerCamera;
        AtomicInteger n = new AtomicInteger();
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "clip-timer"));
        // Unbounded queue: no more than the accepted jobs ever wait in it.
        this.pool = Executors.newFixedThreadPool(writers, task -> daemon(task, "clip-writer-" + n.incrementAndGet()));
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Runs {@code job} after {@code delay}, once the camera's earlier jobs are done.
     *
     * @return false when the worker or the camera has as many jobs pending as it may: the job is dropped
     */
    boolean submit(UUID cameraId, Duration delay, Runnable job) {
        if (!accept(cameraId)) {
            return false;
        }
        timer.schedule(() -> enqueue(cameraId, job), delay.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    private synchronized boolean accept(UUID cameraId) {
        int ofCamera = pendingOfCamera.getOrDefault(cameraId, 0);
        if (pendingAll >= pending || ofCamera >= pendingPerCamera) {
            return false;
        }
        pendingAll++;
        pendingOfCamera.put(cameraId, ofCamera + 1);
        return true;
    }

    private synchronized void ended(UUID cameraId) {
        pendingAll--;
        pendingOfCamera.computeIfPresent(cameraId, (id, count) -> count == 1 ? null : count - 1);
    }

    private void enqueue(UUID cameraId, Runnable job) {
        CompletableFuture<Void> next = lastOfCamera.compute(cameraId, (id, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                        .handle((ignored, failure) -> null)
                        .thenRunAsync(job, pool));
        next.whenComplete((ignored, failure) -> {
            lastOfCamera.remove(cameraId, next);
            ended(cameraId);
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
