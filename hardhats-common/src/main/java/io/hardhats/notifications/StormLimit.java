package io.hardhats.notifications;

/**
 * Storm control of one channel: once {@code maxAlerts} alerts went out within
 * {@code windowSeconds}, further ones are held and go out together as one summary.
 */
public record StormLimit(Integer maxAlerts, Integer windowSeconds) {

    public static final int DEFAULT_MAX_ALERTS = 5;
    public static final int DEFAULT_WINDOW_SECONDS = 120;
    /** The bounds the schema's CHECK constraints hold too. */
    public static final int MAX_ALERTS_LIMIT = 1000;
    public static final int MIN_WINDOW_SECONDS = 10;
    public static final int MAX_WINDOW_SECONDS = 86_400;

    public static final StormLimit DEFAULT = new StormLimit(DEFAULT_MAX_ALERTS, DEFAULT_WINDOW_SECONDS);
}
