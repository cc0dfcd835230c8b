package io.hardhats.fleet;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.hardhats.fleet.CameraLeaseRepository.LeasedCamera;
import io.hardhats.fleet.WorkerRegistry.WorkerSlot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's side of the fleet. A single thread ticks every {@code pollEvery}: it renews the
 * heartbeat and leases when due, compares the cameras it holds with what it runs (edits,
 * deletions, deactivations, lost leases), then claims or releases cameras toward its fair share.
 * Everything the pipeline hears comes from that one thread, in order.
 *
 * <p>No camera may run on two workers at once. The database guarantees one lease per camera;
 * this class guarantees a worker runs a camera only while its lease is certainly valid: it
 * stops a camera before releasing it, and stops everything when it could not renew in time
 * (a worker cut off from the database must not keep running cameras others may now claim).
 */
public class LeaseCoordinator {

    private static final Logger log = LoggerFactory.getLogger(LeaseCoordinator.class);

    /** A camera the pipeline runs here: its config fingerprint and when it was taken. */
    private record Running(ConfigFingerprint fingerprint, long sinceNanos) {
    }

    private final WorkerIdentity identity;
    private final LeaseSettings settings;
    private final FleetTables tables;
    private final CameraAssignments assignments;

    // Changed only by the tick thread, or by stop() once that thread has ended; concurrent so
    // that diagnostics may read it.
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private long nextRenewAt;
    private long leasesValidUntil;
    private boolean renewedOnce;
    private boolean fenced;
    private boolean failing; // log an outage once, not on every poll

    private ScheduledExecutorService ticker;

    public LeaseCoordinator(WorkerIdentity identity, LeaseSettings settings, FleetTables tables,
            CameraAssignments assignments) {
        this.identity = identity;
        this.settings = settings;
        this.tables = tables;
        this.assignments = assignments;
    }

    public WorkerIdentity identity() {
        return identity;
    }

    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        renewedOnce = false;
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fleet-" + identity.id().toString().substring(0, 8));
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::safeTick, 0, settings.pollEvery().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Worker {} ({}) joins the fleet with capacity {}", identity.id(), identity.hostname(),
                identity.capacity());
    }

    public synchronized boolean isRunning() {
        return ticker != null;
    }

    /**
     * Graceful shutdown: stops every camera, then releases every lease and leaves the fleet at
     * once, so other workers take the cameras on their next poll instead of after the lease time.
     */
    public synchronized void stop() {
        if (ticker == null) {
            return;
        }
        haltTicker();
        stopAllCameras();
        try {
            tables.transactions().run(() -> {
                tables.leases().releaseAll(identity.id());
                tables.registry().remove(identity.id());
            });
            log.info("Worker {} left the fleet and released its cameras", identity.id());
        } catch (RuntimeException e) {
            log.warn("Worker {} could not release its leases; they expire after {}", identity.id(), settings.ttl(), e);
        }
    }

    /** For tests: the process dies, nothing is stopped or released; its leases must expire. */
    synchronized void crash() {
        if (ticker != null) {
            haltTicker();
        }
    }

    private void haltTicker() {
        ticker.shutdown();
        try {
            if (!ticker.awaitTermination(30, TimeUnit.SECONDS)) {
                ticker.shutdownNow();
            }
        } catch (InterruptedException e) {
            ticker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        ticker = null;
    }

    private void safeTick() {
        try {
            tick();
            if (failing) {
                failing = false;
                log.info("Worker {} reaches the database again", identity.id());
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; one failed poll must not end the worker.
            failed("Fleet poll of worker {} failed: {}", e);
        }
    }

    private void failed(String message, RuntimeException e) {
        if (failing) {
            log.debug(message, identity.id(), e.toString());
        } else {
            failing = true;
            log.warn(message, identity.id(), e.toString());
        }
    }

    void tick() {
        long now = System.nanoTime();
        if (!renewedOnce || now - nextRenewAt >= 0) {
            renew(now);
        }
        if (!renewedOnce || now - leasesValidUntil >= 0) {
            fence();
            return;
        }
        fenced = false;
        reconcile(tables.transactions().call(() -> new Snapshot(tables.leases().held(identity.id()),
                tables.registry().live(settings.ttl()), tables.leases().countActiveCameras())));
    }

    private record Snapshot(List<LeasedCamera> held, List<WorkerSlot> workers, int activeCameras) {
    }

    private void renew(long startedAt) {
        try {
            tables.transactions().run(() -> {
                tables.registry().heartbeat(identity);
                tables.leases().renew(identity.id(), settings.ttl());
            });
            // Measured from before the statement was sent: the database's expiry is later still.
            leasesValidUntil = startedAt + settings.localValidity().toNanos();
            nextRenewAt = startedAt + settings.renewEvery().toNanos();
            renewedOnce = true;
        } catch (RuntimeException e) {
            // Try again on the next poll rather than waiting a whole renewal period.
            nextRenewAt = startedAt + settings.pollEvery().toNanos();
            failed("Worker {} could not renew its leases: {}", e);
            return;
        }
        try {
            int removed = tables.transactions().call(() -> tables.registry().removeStale(settings.ttl()));
            if (removed > 0) {
                log.info("Removed {} silent worker(s) from the fleet", removed);
            }
        } catch (RuntimeException e) {
            log.debug("Could not remove silent workers: {}", e.toString());
        }
    }

    /** Leases may have expired without this worker knowing: stop everything until a renewal succeeds. */
    private void fence() {
        if (!running.isEmpty() && !fenced) {
            log.warn("Worker {} could not renew its leases in time; stopping its {} camera(s)", identity.id(),
                    running.size());
        }
        fenced = true;
        stopAllCameras();
    }

    private void reconcile(Snapshot snapshot) {
        Map<UUID, LeasedCamera> held = snapshot.held().stream()
                .collect(Collectors.toMap(LeasedCamera::cameraId, Function.identity()));

        // Lost leases and deleted cameras (whose leases went with them).
        for (UUID cameraId : List.copyOf(running.keySet())) {
            if (!held.containsKey(cameraId)) {
                stopCamera(cameraId);
            }
        }
        for (LeasedCamera camera : held.values()) {
            Running current = running.get(camera.cameraId());
            if (!camera.active()) {
                // Deactivated: stop it and let go, so it is claimable again once reactivated.
                if (current != null) {
                    stopCamera(camera.cameraId());
                }
                tables.transactions().call(() -> tables.leases().release(identity.id(), camera.cameraId()));
            } else if (current == null) {
                // Held but not running: a renewal after a fence, or a release that failed.
                startCamera(camera.cameraId(), camera.fingerprint());
            } else {
                applyEdits(camera, current);
            }
        }

        OptionalInt target = FairShare.targetOf(identity.id(), snapshot.workers(), snapshot.activeCameras());
        if (target.isEmpty()) {
            return; // not among the live workers until the next heartbeat lands
        }
        int excess = running.size() - target.getAsInt();
        if (excess > 0) {
            releaseNewest(excess);
        } else if (excess < 0) {
            claim(-excess);
        }
    }

    /** Edits of analysis settings apply to the running camera; edits of its source reconnect it. */
    private void applyEdits(LeasedCamera camera, Running current) {
        ConfigFingerprint.Change change = current.fingerprint().changeTo(camera.fingerprint());
        if (change != ConfigFingerprint.Change.NONE) {
            running.put(camera.cameraId(), new Running(camera.fingerprint(), current.sinceNanos()));
        }
        switch (change) {
            case NONE -> {
            }
            case APPLY_LIVE -> assignments.reconfigure(camera.cameraId());
            case RECONNECT -> assignments.restart(camera.cameraId());
        }
    }

    /** Gives back the most recently taken cameras: the least settled, so the cheapest to move. */
    private void releaseNewest(int count) {
        List<UUID> newest = running.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<UUID, Running> e) -> e.getValue().sinceNanos()).reversed())
                .limit(count)
                .map(Map.Entry::getKey)
                .toList();
        for (UUID cameraId : newest) {
            stopCamera(cameraId); // before the release: nobody may start it while it still runs here
            tables.transactions().call(() -> tables.leases().release(identity.id(), cameraId));
        }
        log.info("Worker {} released {} camera(s) above its fair share", identity.id(), newest.size());
    }

    private void claim(int count) {
        List<LeasedCamera> claimed = tables.transactions()
                .call(() -> tables.leases().claim(identity.id(), count, settings.ttl()));
        for (LeasedCamera camera : claimed) {
            startCamera(camera.cameraId(), camera.fingerprint());
        }
        if (!claimed.isEmpty()) {
            log.info("Worker {} claimed {} camera(s)", identity.id(), claimed.size());
        }
    }

    private void startCamera(UUID cameraId, ConfigFingerprint fingerprint) {
        running.put(cameraId, new Running(fingerprint, System.nanoTime()));
        assignments.start(cameraId);
    }

    private void stopCamera(UUID cameraId) {
        running.remove(cameraId);
        try {
            assignments.stop(cameraId);
        } catch (RuntimeException e) {
            log.warn("Stopping camera {} failed", cameraId, e);
        }
    }

    private void stopAllCameras() {
        List<UUID> cameraIds = List.copyOf(running.keySet());
        running.clear();
        try {
            assignments.stopAll(cameraIds);
        } catch (RuntimeException e) {
            log.warn("Stopping {} camera(s) failed", cameraIds.size(), e);
        }
    }

    /** The cameras this worker runs now (a copy; for diagnostics and tests). */
    Set<UUID> runningCameras() {
        return Set.copyOf(running.keySet());
    }
}
