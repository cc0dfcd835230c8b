package io.hardhats.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: after the n-th failed attempt the next one waits a
 * random time up to {@code firstRetry × 2^(n-1)} (capped at {@code maxDelay}), so receivers
 * that come back are not hit by every sender at once. A delivery older than {@code retryFor}
 * at its next attempt is given up. Alert deliveries and daily digests both follow it.
 */
public class RetrySchedule {

    private static final Duration AT_LEAST = Duration.ofSeconds(1);

    private final NotificationSettings.Dispatch settings;
    private final LongUnaryOperator randomBelow;

    /** @param randomBelow a uniformly random value in [0, bound) for a positive bound */
    RetrySchedule(NotificationSettings.Dispatch settings, LongUnaryOperator randomBelow) {
        this.settings = settings;
        this.randomBelow = randomBelow;
    }

    /** The schedule with its random waits. */
    public static RetrySchedule of(NotificationSettings.Dispatch settings) {
        return new RetrySchedule(settings, bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    /**
     * What an attempt makes of a delivery: its new status, when it is next due (now, once
     * nothing more will be tried), and the error to log.
     */
    public record Outcome(DeliveryStatus status, Instant nextAttemptAt, String error) {
    }

    /** @param attempts the attempts made so far, this one included */
    public Outcome outcome(DeliveryAttempt attempt, int attempts, Instant createdAt, Instant now) {
        return switch (attempt.result()) {
            case DELIVERED -> new Outcome(DeliveryStatus.DELIVERED, now, attempt.error());
            case FAILED -> new Outcome(DeliveryStatus.FAILED, now, attempt.error());
            case RETRY -> next(attempts, createdAt, now)
                    .map(retryAt -> new Outcome(DeliveryStatus.RETRYING, retryAt, attempt.error()))
                    .orElseGet(() -> new Outcome(DeliveryStatus.FAILED, now, attempt.error()
                            + "; gave up after retrying for " + settings.retryFor().toHours() + " h"));
        };
    }

    /** The longest wait after the given number of attempts. */
    Duration ceiling(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration ceiling = settings.firstRetry().multipliedBy(1L << doublings);
        return ceiling.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : ceiling;
    }

    /** When to try again, or empty when the delivery has been retried long enough. */
    Optional<Instant> next(int attempts, Instant createdAt, Instant now) {
        long ceilingMillis = ceiling(attempts).toMillis();
        Duration wait = Duration.ofMillis(randomBelow.applyAsLong(ceilingMillis + 1));
        Instant next = now.plus(wait.compareTo(AT_LEAST) < 0 ? AT_LEAST : wait);
        return next.isAfter(createdAt.plus(settings.retryFor())) ? Optional.empty() : Optional.of(next);
    }
}
