package io.hardhats.fleet;

import java.util.Collection;
import java.util.UUID;

/**
 * What the fleet tells the camera pipeline. Calls come from one coordinator thread, one at a
 * time, so an implementation needs no ordering of its own; each call should return quickly
 * (hand the work to the camera's own thread). {@code stop} must not return while frames of the
 * camera are still being processed: the lease is released right after it, and another worker
 * may start the camera at once.
 */
public interface CameraAssignments {

    /** This worker now owns the camera: start reading and analysing it. */
    void start(UUID cameraId);

    /** The camera's source changed (URL, credentials, placeholder, fps, resolution): reconnect it. */
    void restart(UUID cameraId);

    /**
     * Only the camera's analysis settings changed (detection mode, zone, confidence threshold):
     * apply them to the running camera. One that cannot do so live restarts.
     */
    default void reconfigure(UUID cameraId) {
        restart(cameraId);
    }

    /** This worker no longer owns the camera (released, lost, deleted or deactivated). */
    void stop(UUID cameraId);

    /** Stops several cameras (shutdown, a lost database); they may stop side by side. */
    default void stopAll(Collection<UUID> cameraIds) {
        cameraIds.forEach(this::stop);
    }
}
