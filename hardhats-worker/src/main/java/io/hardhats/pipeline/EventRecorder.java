package io.hardhats.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.hardhats.blobs.BlobStore;
import io.hardhats.bus.LiveBus;
import io.hardhats.bus.LiveMessage;
import io.hardhats.events.Event;
import io.hardhats.events.EventRepository;
import io.hardhats.events.EventView;
import io.hardhats.events.ViolationType;
import io.hardhats.rules.Violation;
import io.hardhats.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a violation durable — thumbnail blob, event row, the day's counters — in one transaction
 * of the camera's organisation, then announces it on {@code events/{org_id}}.
 */
@Component
public class EventRecorder {

    private final EventRepository events;
    private final BlobStore blobs;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LiveBus bus;
    private final JsonMapper json;

    public EventRecorder(EventRepository events, BlobStore blobs, JdbcClient jdbc, TransactionTemplate transactions,
            LiveBus bus, JsonMapper json) {
        this.events = events;
        this.blobs = blobs;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.bus = bus;
        this.json = json;
    }

    public EventView record(UUID organizationId, UUID cameraId, Violation violation, byte[] thumbnailJpeg,
            Instant at) {
        EventView view = TenantContext.callAs(organizationId, () -> transactions.execute(status -> {
            Event event = new Event(cameraId, violation.type(), violation.severity(), violation.confidence(),
                    violation.normalisedBox(), at);
            event.setThumbnailPath(blobs.save("image/jpeg", thumbnailJpeg).toString());
            events.save(event);
            countViolation(organizationId, cameraId, violation.type(), LocalDate.ofInstant(at, ZoneOffset.UTC));
            return EventView.of(event);
        }));
        bus.publishMessage(organizationId, LiveMessage.violation(view, json).toJson(json));
        return view;
    }

    /** Adds analysed frames to the camera's day (called in batches, not per frame). */
    public void countFrames(UUID organizationId, UUID cameraId, LocalDate date, long frames) {
        TenantContext.runAs(organizationId, () -> transactions.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO daily_stats (id, organization_id, camera_id, date, frames_processed)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (camera_id, date) DO UPDATE
                SET frames_processed = daily_stats.frames_processed + EXCLUDED.frames_processed
                """).params(UUID.randomUUID(), organizationId, cameraId, date, frames).update()));
    }

    private void countViolation(UUID organizationId, UUID cameraId, ViolationType type, LocalDate date) {
        jdbc.sql("""
                INSERT INTO daily_stats (id, organization_id, camera_id, date, total_violations, no_hardhat_count,
                                         no_vest_count, zone_breach_count)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?)
                ON CONFLICT (camera_id, date) DO UPDATE
                SET total_violations = daily_stats.total_violations + 1,
                    no_hardhat_count = daily_stats.no_hardhat_count + EXCLUDED.no_hardhat_count,
                    no_vest_count = daily_stats.no_vest_count + EXCLUDED.no_vest_count,
                    zone_breach_count = daily_stats.zone_breach_count + EXCLUDED.zone_breach_count
                """).params(UUID.randomUUID(), organizationId, cameraId, date,
                type == ViolationType.NO_HARDHAT ? 1 : 0, type == ViolationType.NO_VEST ? 1 : 0,
                type == ViolationType.ZONE_BREACH ? 1 : 0).update();
    }
}
