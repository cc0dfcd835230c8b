package io.hardhats.cameras;

/**
 * How many frames per second a camera analyses. The API, the ingest and the database's CHECK
 * constraint ({@code V5__camera_checks.sql}) all allow this one range.
 */
public final class AnalysisRate {

    public static final double MIN_FPS = 0.25;
    public static final double MAX_FPS = 2.0;
    public static final double DEFAULT_FPS = 0.5;

    private AnalysisRate() {
    }

    public static boolean isAllowed(double fps) {
        return fps >= MIN_FPS && fps <= MAX_FPS;
    }

    /** The allowed rate nearest to {@code fps}; the default for a value that is not finite. */
    public static double nearestAllowed(double fps) {
        return Double.isFinite(fps) ? Math.max(MIN_FPS, Math.min(MAX_FPS, fps)) : DEFAULT_FPS;
    }
}
