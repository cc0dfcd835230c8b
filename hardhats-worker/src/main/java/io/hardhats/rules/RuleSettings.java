package io.hardhats.rules;

import io.hardhats.cameras.DetectionMode;

import java.time.Duration;
import java.util.List;

/**
 * A camera's rule settings. The confidence threshold is not here: the detector applies it before
 * the rules see anything.
 *
 * @param mode           which rules apply: PPE, zone, or both
 * @param zone           the forbidden zone, or null for none (zone rules then never fire)
 * @param inertia        consecutive analysed frames a violation must hold before it fires (≥ 1)
 * @param cooldown       after an event of a type, the camera stays quiet about that type this long
 * @param inferBareHeads treat a {@code person} with no head box at all as bare-headed. Only sound
 *                       when the model has {@code person} and {@code helmet} classes and heads are
 *                       large enough to be found; off by default, since a far-away worker whose
 *                       helmet the model misses would otherwise raise a false alarm
 */
public record RuleSettings(DetectionMode mode, ZonePolygon zone, int inertia, Duration cooldown,
                           boolean inferBareHeads) {

    public static final int DEFAULT_INERTIA = 2;
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(60);

    public RuleSettings {
        if (mode == null) {
            throw new IllegalArgumentException("detection mode: missing");
        }
        if (inertia < 1) {
            throw new IllegalArgumentException("inertia must be at least 1 frame");
        }
        if (cooldown == null || cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must be zero or more");
        }
    }

    public RuleSettings(DetectionMode mode, ZonePolygon zone) {
        this(mode, zone, DEFAULT_INERTIA, DEFAULT_COOLDOWN, false);
    }

    /**
     * Settings with the defaults from a camera's {@code detection_mode} and {@code zone_polygon}
     * (the API's list of {@code [x, y]} pairs; null or empty for none).
     */
    public static RuleSettings from(DetectionMode mode, List<? extends List<? extends Number>> zonePolygon) {
        ZonePolygon zone = zonePolygon == null || zonePolygon.isEmpty() ? null : ZonePolygon.of(zonePolygon);
        return new RuleSettings(mode == null ? DetectionMode.PPE : mode, zone);
    }

    public RuleSettings withInertia(int frames) {
        return new RuleSettings(mode, zone, frames, cooldown, inferBareHeads);
    }

    public RuleSettings withCooldown(Duration quiet) {
        return new RuleSettings(mode, zone, inertia, quiet, inferBareHeads);
    }

    public RuleSettings withInferBareHeads(boolean infer) {
        return new RuleSettings(mode, zone, inertia, cooldown, infer);
    }

    /** Whether {@code no_hardhat} and {@code no_vest} are checked. */
    public boolean ppeEnabled() {
        return mode == DetectionMode.PPE || mode == DetectionMode.PPE_AND_ZONE;
    }

    /** Whether {@code zone_breach} is checked: a zone mode and a usable polygon. */
    public boolean zoneEnabled() {
        return (mode == DetectionMode.ZONE || mode == DetectionMode.PPE_AND_ZONE)
                && zone != null && !zone.isDegenerate();
    }
}
