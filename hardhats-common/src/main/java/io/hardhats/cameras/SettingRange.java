package io.hardhats.cameras;

/** The values a numeric camera setting may take, bounds included, and the value it starts with. */
public record SettingRange(double min, double max, double byDefault) {

    public boolean allows(double value) {
        return value >= min && value <= max;
    }

    /** The allowed value nearest to {@code value}; the default for a value that is not finite. */
    public double nearest(double value) {
        return Double.isFinite(value) ? Math.max(min, Math.min(max, value)) : byDefault;
    }
}
