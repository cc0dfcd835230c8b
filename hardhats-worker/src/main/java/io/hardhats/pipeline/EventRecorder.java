package io.hardhats.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hardhats.blobs.BlobStore;
import io.hardhats.events.Event;
import io.hardhats.events.EventRepository;
import io.hardhats.events.EventView;
import io.hardhats.events.ViolationType;
import io.hardhats.rules.Violation;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes the violations of one frame durable — a thumbnail each, the annotated frame once for all
 * of them, the event rows, the day's count of each type — in one transaction of the camera's
 * organisation, and publishes {@link ViolationRecorded} in it for each event, for the reactions
 * that run once it commits.
 */
@Component
public record EventRecorder(EventRepository events, BlobStore blobs, JdbcClient jdbc,
        TenantTransactions transactions, ApplicationEventPublisher publisher) {

    /** A violation found on the frame, and its thumbnail. */
    public record Flagged(Violation violation, byte[] thumbnailJpeg) {
    }

    /**
     * @param frameJpeg the annotated live frame of the moment, at most 1280 px wide, stored once
     *                  and referenced by every event of the frame
     * @return the events, in the order of {@code flagged}
     */
    public List<EventView> record(UUID organizationId, UUID cameraId, List<Flagged> flagged, byte[] frameJpeg,
            Instant at) {
        return transactions.call(organizationId, () -> {
            UUID frame = blobs.save("image/jpeg", frameJpeg);
            List<EventView> recorded = new ArrayList<>();
            for (Flagged one : flagged) {
                Violation violation = one.violation();
                Event event = new Event(cameraId, violation.type(), violation.severity(), violation.confidence(),
                        violation.normalisedBox(), at);
                event.setThumbnailPath(blobs.save("image/jpeg", one.thumbnailJpeg()).toString());
                event.setFrameBlob(frame);
                // Flushed now: reactions in this transaction (the notification outbox) refer to the row in SQL.
                events.saveAndFlush(event);
                countViolation(organizationId, cameraId, violation.type(), LocalDate.ofInstant(at, ZoneOffset.UTC));
                EventView view = EventView.of(event);
                publisher.publishEvent(new ViolationRecorded(organizationId, view));
                recorded.add(view);
            }
            return recorded;
        });
    }

    /** Adds analysed frames to the camera's day (called in batches, not per frame). */
    public void countFrames(UUID organizationId, UUID cameraId, LocalDate date, long frames) {
        transactions.run(organizationId, () -> jdbc.sql("""
                INSERT INTO daily_stats (id, organization_id, camera_id, date, frames_processed)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (camera_id, date) DO UPDATE
                SET frames_processed = daily_stats.frames_processed + EXCLUDED.frames_processed
                """).params(UUID.randomUUID(), organizationId, cameraId, date, frames).update());
    }

    private void countViolation(UUID organizationId, UUID cameraId, ViolationType type, LocalDate date) {
        jdbc.sql("""
                INSERT INTO daily_violation_counts (id, organization_id, camera_id, date, violation_type, count)
                VALUES (?, ?, ?, ?, ?, 1)
                ON CONFLICT (camera_id, date, violation_type) DO UPDATE
                SET count = daily_violation_counts.count + 1
                """).params(UUID.randomUUID(), organizationId, cameraId, date, type.wire()).update();
    }
}
