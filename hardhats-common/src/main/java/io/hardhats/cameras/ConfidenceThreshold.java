package io.hardhats.cameras;

/**
 * The least detector confidence a camera counts. The API and the database's CHECK constraint
 * ({@code V5__camera_checks.sql}) allow this one range.
 */
public final class ConfidenceThreshold {

    public static final double MIN = 0.05;
    public static final double MAX = 0.95;
    public static final double DEFAULT = 0.5;

    private ConfidenceThreshold() {
    }

    public static boolean isAllowed(double threshold) {
        return threshold >= MIN && threshold <= MAX;
    }
}
