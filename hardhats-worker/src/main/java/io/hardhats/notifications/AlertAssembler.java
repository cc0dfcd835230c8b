package io.hardhats.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.persistence.WireValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a delivery says, read in its organisation's transaction: the alert of a violation (with
 * its camera), a channel's sample alert, or the summary of the alerts storm control held. The
 * annotated frame is read apart, once per event and after that transaction, and only for
 * messages that show it.
 */
@Component
record AlertAssembler(JdbcClient jdbc, EventFrames frames, NotificationSettings settings) {

    /** A violation's alert, still without its frame; {@code frameBlob} is null when none was stored. */
    record EventAlert(Alert alert, UUID frameBlob) {
    }

    /** Empty when the violation is gone. */
    Optional<EventAlert> alert(UUID eventId, ZoneId zone) {
        return jdbc.sql("""
                SELECT e.camera_id, c.name, e.violation_type, e.severity, e.confidence, e.created_at, e.frame_blob
                FROM events e JOIN cameras c ON c.id = e.camera_id WHERE e.id = ?
                """).param(eventId).query((rs, row) -> new EventAlert(new Alert(eventId,
                        rs.getObject("camera_id", UUID.class), rs.getString("name"),
                        WireValue.parse(ViolationType.class, rs.getString("violation_type")),
                        WireValue.parse(Severity.class, rs.getString("severity")), rs.getDouble("confidence"),
                        rs.getTimestamp("created_at").toInstant(), zone, settings.eventUrl(eventId), null, false),
                        rs.getObject("frame_blob", UUID.class))).optional();
    }

    /** The alert with its annotated frame, outside any transaction of the caller's. */
    Alert framed(UUID organizationId, EventAlert drafted) {
        return drafted.frameBlob() == null ? drafted.alert() : drafted.alert().withFrame(
                frames.frame(organizationId, drafted.alert().eventId(), drafted.frameBlob()));
    }

    /**
     * The "Send test" message, as of when the test was asked for: marked as a sample, keyed by its
     * delivery so a receiver can tell tests apart.
     */
    Alert sample(UUID deliveryId, Instant requestedAt, ZoneId zone) {
        return new Alert(deliveryId, null, "Sample camera", ViolationType.NO_HARDHAT, Severity.HIGH, 0.9,
                requestedAt, zone, settings.eventsUrl(), null, true);
    }

    /** Empty when every violation the summary stood for is gone. */
    Optional<AlertSummary> summary(UUID summaryId, ZoneId zone) {
        List<HeldAlert> held = jdbc.sql("""
                SELECT e.violation_type, c.name, e.created_at
                FROM notification_deliveries d
                JOIN events e ON e.id = d.event_id
                JOIN cameras c ON c.id = e.camera_id
                WHERE d.covered_by = ?
                ORDER BY e.created_at
                """).param(summaryId).query((rs, row) -> new HeldAlert(
                        WireValue.parse(ViolationType.class, rs.getString(1)), rs.getString(2),
                        rs.getTimestamp(3).toInstant())).list();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        Map<ViolationType, Integer> byType = new EnumMap<>(ViolationType.class);
        Map<String, Integer> byCamera = new LinkedHashMap<>();
        for (HeldAlert alert : held) {
            byType.merge(alert.type(), 1, Integer::sum);
            byCamera.merge(alert.camera(), 1, Integer::sum);
        }
        return Optional.of(new AlertSummary(summaryId, held.get(0).at(), held.get(held.size() - 1).at(), zone, held.size(),
                byType, byCamera, settings.eventsUrl()));
    }

    private record HeldAlert(ViolationType type, String camera, Instant at) {
    }
}
