package io.hardhats.auth;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hardhats.users.EmailAddresses;
import org.springframework.stereotype.Component;

/**
 * Progressive delays on failed sign-ins: after a few failures for an e-mail, each further failure
 * is answered later than the one before (up to {@link #MAX_DELAY}), which slows guessing without
 * refusing anyone. A correct password is answered at once and forgets the failures. Counted per
 * web instance, for the rate limits' window.
 */
@Component
public class FailedLogins {

    static final int FREE_FAILURES = 3;
    static final Duration FIRST_DELAY = Duration.ofMillis(250);
    static final Duration MAX_DELAY = Duration.ofSeconds(4);

    private final Cache<String, Integer> failures;

    public FailedLogins(RateLimitProperties limits) {
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(limits.window()).build();
    }

    /** Counts a failure and waits as long as this e-mail's failures so far call for. */
    public void failed(String email) {
        int count = failures.asMap().merge(key(email), 1, Integer::sum);
        Duration delay = delayAfter(count);
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void succeeded(String email) {
        failures.invalidate(key(email));
    }

    /** No delay for the first few failures, then doubling from {@link #FIRST_DELAY} up to {@link #MAX_DELAY}. */
    static Duration delayAfter(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES - 1, 16);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static String key(String email) {
        return AuthRateLimiter.sha256(EmailAddresses.normalise(email));
    }
}
