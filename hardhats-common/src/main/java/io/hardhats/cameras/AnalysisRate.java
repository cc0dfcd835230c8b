package io.hardhats.cameras;

/**
 * How many frames per second a camera analyses. The API, the ingest and the database's CHECK
 * constraint ({@code V5__camera_checks.sql}) all allow this one range.
 */
public final class AnalysisRate {

    public static final SettingRange FPS = new SettingRange(0.25, 2.0, 0.5);

    private AnalysisRate() {
    }
}
