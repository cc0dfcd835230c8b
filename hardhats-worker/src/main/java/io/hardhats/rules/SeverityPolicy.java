package io.hardhats.rules;

import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;

/**
 * How urgent a violation is, from its type and the detector's confidence.
 *
 * <p>The type sets the level: entering a forbidden zone is the most dangerous (machinery, drops,
 * open edges), a bare head next (head injuries are the commonest serious ones on site), a missing
 * vest the least (it protects by being seen). Confidence moves it one step: a very sure zone breach
 * is critical; an unsure PPE detection is one step lower, so a supervisor filtering on HIGH is not
 * flooded by doubtful ones.
 * <ul>
 * <li>{@code zone_breach}: HIGH, CRITICAL at confidence ≥ 0.8</li>
 * <li>{@code no_hardhat}: HIGH, MEDIUM below 0.5</li>
 * <li>{@code no_vest}: MEDIUM, LOW below 0.4</li>
 * </ul>
 */
public final class SeverityPolicy {

    public static final float ZONE_CRITICAL_FROM = 0.8f;
    public static final float HARDHAT_HIGH_FROM = 0.5f;
    public static final float VEST_MEDIUM_FROM = 0.4f;

    private SeverityPolicy() {
    }

    public static Severity of(ViolationType type, float confidence) {
        return switch (type) {
            case ZONE_BREACH -> confidence >= ZONE_CRITICAL_FROM ? Severity.CRITICAL : Severity.HIGH;
            case NO_HARDHAT -> confidence >= HARDHAT_HIGH_FROM ? Severity.HIGH : Severity.MEDIUM;
            case NO_VEST -> confidence >= VEST_MEDIUM_FROM ? Severity.MEDIUM : Severity.LOW;
        };
    }
}
