package io.hardhats.pipeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.hardhats.bus.LiveBus;
import io.hardhats.bus.LiveMessage;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a camera's status, error message and last-seen time current in the database and tells
 * the organisation's dashboards. Writes only status columns, which the fleet's change detection
 * ignores, so reporting never restarts the camera.
 */
@Component
public record CameraStatusReporter(JdbcClient jdbc, TenantTransactions transactions, LiveBus bus, JsonMapper json) {

    static final int MAX_MESSAGE = 500;

    /** @param noDetector the camera streams, but this worker has no model to analyse it */
    public void report(UUID organizationId, UUID cameraId, CameraStatus status, String errorMessage,
            boolean noDetector) {
        String message = errorMessage == null ? null
                : errorMessage.length() > MAX_MESSAGE ? errorMessage.substring(0, MAX_MESSAGE) : errorMessage;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime nowUtc = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        boolean seen = status.isOnline();
        transactions.run(organizationId, () -> jdbc.sql("""
                UPDATE cameras SET status = ?, error_message = ?, no_detector = ?,
                    last_seen = CASE WHEN ? THEN ? ELSE last_seen END
                WHERE id = ?
                """).params(status.wire(), message, noDetector, seen, nowUtc, cameraId).update());
        bus.publishMessage(organizationId, LiveMessage.cameraStatus(
                new LiveMessage.CameraStatusChange(cameraId, status, message, seen ? now : null, noDetector), json).toJson(json));
    }

    /** Marks the camera seen without a status change (called in batches while frames flow). */
    public void seen(UUID organizationId, UUID cameraId, Instant at) {
        transactions.run(organizationId, () ->
                jdbc.sql("UPDATE cameras SET last_seen = ? WHERE id = ?")
                        .params(OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC), cameraId)
                        .update());
    }
}
