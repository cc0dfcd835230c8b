package io.hardhats.publish;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.hardhats.bus.LiveBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of this worker's cameras someone watches, so a camera's live frames are drawn and encoded
 * only then. One background thread asks the bus every {@link LiveBus#DEMAND_CHECK_EVERY} about all
 * cameras in one round trip; camera threads only read the answer, so a slow or absent Redis never
 * holds up analysis.
 */
public class ViewerDemand implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ViewerDemand.class);

    private final LiveBus bus;
    private final Set<UUID> cameras = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "viewer-demand");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Set<UUID> watched = Set.of();

    public ViewerDemand(LiveBus bus) {
        this.bus = bus;
        long every = LiveBus.DEMAND_CHECK_EVERY.toMillis();
        checks.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** Starts asking about a camera this worker runs. */
    public void follow(UUID cameraId) {
        cameras.add(cameraId);
    }

    public void forget(UUID cameraId) {
        cameras.remove(cameraId);
    }

    /** Whether the camera's frames were wanted at the last check. */
    public boolean watched(UUID cameraId) {
        return watched.contains(cameraId);
    }

    void check() {
        try {
            watched = cameras.isEmpty() ? Set.of() : Set.copyOf(bus.wantedFrames(Set.copyOf(cameras)));
        } catch (RuntimeException e) {
            log.debug("Could not learn which cameras are watched: {}", e.toString());
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
