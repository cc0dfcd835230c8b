package io.hardhats.ingest;

import java.time.Duration;
import java.util.Optional;

/**
 * Exponential backoff for reconnecting a camera: base, 2×base, 4×base… capped, for a limited
 * number of tries; a connection that stayed healthy long enough resets the count.
 * Not thread-safe: one per camera thread.
 */
public final class RtspReconnectPolicy {

    private final Duration base;
    private final Duration cap;
    private final int maxTries;
    private final Duration healthyPeriod;
    private int failures;

    public RtspReconnectPolicy(Duration base, Duration cap, int maxTries, Duration healthyPeriod) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxTries < 0) {
            throw new IllegalArgumentException("invalid backoff");
        }
        this.base = base;
        this.cap = cap;
        this.maxTries = maxTries;
        this.healthyPeriod = healthyPeriod;
    }

    /** 1 s base, 60 s cap, 5 tries (1, 2, 4, 8, 16 s); reset after 60 s of healthy streaming. */
    public static RtspReconnectPolicy defaults() {
        return new RtspReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 5,
                Duration.ofSeconds(60));
    }

    /** The wait before the next try, or empty when the tries are exhausted. */
    public Optional<Duration> nextDelay() {
        if (failures >= maxTries) {
            return Optional.empty();
        }
        return Optional.of(delayFor(failures++));
    }

    /** The capped delay of try {@code n} (0-based), also used for the slow retries after exhaustion. */
    public Duration delayFor(int n) {
        int shift = Math.min(n, 30);
        long millis = base.toMillis() << shift;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }

    /** Reports how long the last connection delivered frames; a long enough one resets the tries. */
    public void connectionEnded(Duration healthyFor) {
        if (healthyFor.compareTo(healthyPeriod) >= 0) {
            reset();
        }
    }

    public void reset() {
        failures = 0;
    }

    public boolean exhausted() {
        return failures >= maxTries;
    }

    public int failures() {
        return failures;
    }

    public Duration cap() {
        return cap;
    }
}
