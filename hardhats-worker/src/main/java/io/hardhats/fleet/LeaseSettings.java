package io.hardhats.fleet;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of the fleet ({@code hardhats.fleet.*}). A lease lives {@code ttl} and is renewed every
 * {@code renewEvery}, so two renewals may fail before a camera moves; {@code pollEvery} is how
 * often a worker looks for camera edits, free cameras and its fair share.
 */
@ConfigurationProperties(prefix = "hardhats.fleet")
public record LeaseSettings(Duration renewEvery, Duration ttl, Duration pollEvery) {

    public static final LeaseSettings DEFAULTS =
            new LeaseSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(2));

    public LeaseSettings {
        renewEvery = renewEvery == null ? DEFAULTS.renewEvery() : renewEvery;
        ttl = ttl == null ? DEFAULTS.ttl() : ttl;
        pollEvery = pollEvery == null ? DEFAULTS.pollEvery() : pollEvery;
        if (renewEvery.isNegative() || renewEvery.isZero() || pollEvery.isNegative() || pollEvery.isZero()) {
            throw new IllegalArgumentException("hardhats.fleet.renew-every and poll-every must be positive");
        }
        // A lease must survive at least one late renewal, or cameras flap between workers.
        if (ttl.compareTo(renewEvery.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("hardhats.fleet.ttl must be at least twice renew-every");
        }
    }

    /**
     * How long after sending a renewal this worker may still trust its leases. The database
     * stamps expiry from its own clock at or after the send, so the local deadline is never later
     * than the real one; two polls of margin cover a tick that runs late.
     */
    public Duration localValidity() {
        Duration margin = pollEvery.multipliedBy(2);
        Duration validity = ttl.minus(margin);
        return validity.compareTo(renewEvery) > 0 ? validity : renewEvery;
    }
}
