package io.hardhats.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;

/**
 * Which violations a channel carries. Stored as the channel's {@code filters} JSON and answered
 * by the API in the same shape.
 *
 * @param cameraIds the cameras whose violations go out; {@code null} for every camera
 * @param violationTypes the types that go out; empty for every type
 * @param activeHours when alerts go out; {@code null} for always
 */
public record ChannelFilters(List<UUID> cameraIds, List<ViolationType> violationTypes, Severity minSeverity,
        ActiveHours activeHours) {

    public static final ChannelFilters EVERYTHING = new ChannelFilters(null, List.of(), Severity.LOW, null);

    public ChannelFilters {
        violationTypes = violationTypes == null ? List.of() : List.copyOf(violationTypes);
        minSeverity = minSeverity == null ? Severity.LOW : minSeverity;
        cameraIds = cameraIds == null ? null : List.copyOf(cameraIds);
    }

    public boolean matches(UUID cameraId, ViolationType type, Severity severity, Instant at, ZoneId zone) {
        return (cameraIds == null || cameraIds.contains(cameraId))
                && (violationTypes.isEmpty() || violationTypes.contains(type))
                && severity.compareTo(minSeverity) >= 0
                && (activeHours == null || activeHours.contains(at.atZone(zone)));
    }
}
