package io.hardhats.cameras;

/**
 * The least detector confidence a camera counts. The API and the database's CHECK constraint
 * ({@code V5__camera_checks.sql}) allow this one range.
 */
public final class ConfidenceThreshold {

    public static final SettingRange RANGE = new SettingRange(0.05, 0.95, 0.5);

    private ConfidenceThreshold() {
    }
}
