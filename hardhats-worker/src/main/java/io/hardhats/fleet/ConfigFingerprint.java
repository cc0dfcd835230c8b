package io.hardhats.fleet;

/**
 * What a running camera depends on, hashed in two parts (see {@link io.hardhats.cameras.CameraConfigReader}):
 * a change of {@code source} reconnects the camera, a change of {@code analysis} alone is applied
 * to it while it runs.
 */
public record ConfigFingerprint(String source, String analysis) {

    /** What the pipeline must do when a camera's fingerprint moves from this one to {@code now}. */
    Change changeTo(ConfigFingerprint now) {
        if (!source.equals(now.source)) {
            return Change.RECONNECT;
        }
        return analysis.equals(now.analysis) ? Change.NONE : Change.APPLY_LIVE;
    }

    enum Change {
        NONE, APPLY_LIVE, RECONNECT
    }
}
