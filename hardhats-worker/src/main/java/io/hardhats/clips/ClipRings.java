package io.hardhats.clips;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The clip material of each camera this worker runs, from its start to its stop. */
public class ClipRings {

    private final ClipSettings settings;
    private final Map<UUID, CameraClips> cameras = new ConcurrentHashMap<>();

    public ClipRings(ClipSettings settings) {
        this.settings = settings;
    }

    /** A fresh, empty material store for a camera that starts, analysed at {@code fps}. */
    public CameraClips open(UUID cameraId, double fps) {
        CameraClips clips = new CameraClips(settings, fps);
        cameras.put(cameraId, clips);
        return clips;
    }

    /** The camera stopped: clips already begun keep what they took. */
    public void close(UUID cameraId) {
        cameras.remove(cameraId);
    }

    Optional<CameraClips> of(UUID cameraId) {
        return Optional.ofNullable(cameras.get(cameraId));
    }
}
