package io.hardhats.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.blobs.BlobStore;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.events.Event;
import io.hardhats.events.EventRepository;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.stats.DailyStat;
import io.hardhats.stats.DailyStatRepository;
import io.hardhats.stats.DailyViolationCount;
import io.hardhats.stats.DailyViolationCountRepository;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes what workers write (events, daily statistics, camera status) straight through the repositories, in the
 * organisation's tenant scope, for tests of the API that reads them.
 */
@Component
public class TenantData {

    /** The sizes a worker stores: a thumbnail at most 320 px wide, a frame at most 1280 px wide. */
    public static final int THUMBNAIL_WIDTH = 320;
    public static final int FRAME_WIDTH = 1280;

    private final EventRepository events;
    private final BlobStore blobs;
    private final DailyStatRepository dailyStats;
    private final DailyViolationCountRepository violationCounts;
    private final JdbcClient jdbc;
    private final TenantTransactions transactions;

    public TenantData(EventRepository events, BlobStore blobs, DailyStatRepository dailyStats,
            DailyViolationCountRepository violationCounts, JdbcClient jdbc, TenantTransactions transactions) {
        this.events = events;
        this.blobs = blobs;
        this.dailyStats = dailyStats;
        this.violationCounts = violationCounts;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** What a worker reports about its camera: its status and when it last delivered a frame. */
    public void cameraReported(UUID organizationId, UUID cameraId, CameraStatus status, Instant lastSeen) {
        cameraReported(organizationId, cameraId, status, lastSeen, false);
    }

    /** The same, for a worker that has no detector (no model file). */
    public void cameraReported(UUID organizationId, UUID cameraId, CameraStatus status, Instant lastSeen,
            boolean noDetector) {
        transactions.run(organizationId, () -> jdbc.sql(
                "UPDATE cameras SET status = ?, last_seen = ?, no_detector = ? WHERE id = ?")
                .params(status.wire(), lastSeen == null ? null : Timestamp.from(lastSeen), noDetector, cameraId)
                .update());
    }

    public UUID event(UUID organizationId, UUID cameraId, ViolationType type, Instant at) {
        return TenantContext.callAs(organizationId, () -> events.save(new Event(cameraId, type, Severity.HIGH, 0.87,
                new double[] {0.1, 0.2, 0.3, 0.4}, at)).getId());
    }

    /** The pictures a worker keeps with a violation: its thumbnail and the annotated frame, as real JPEGs. */
    public void pictures(UUID organizationId, UUID eventId) {
        transactions.run(organizationId, () -> jdbc.sql(
                "UPDATE events SET thumbnail_path = ?, frame_blob = ? WHERE id = ?")
                .params(blobs.save("image/jpeg", jpeg(THUMBNAIL_WIDTH, 240)).toString(),
                        blobs.save("image/jpeg", jpeg(FRAME_WIDTH, 720)), eventId)
                .update());
    }

    /** Gives event {@code to} the frame of event {@code from}, as a worker does for the violations of one frame. */
    public void sameFrame(UUID organizationId, UUID from, UUID to) {
        transactions.run(organizationId, () -> jdbc.sql(
                "UPDATE events SET frame_blob = (SELECT frame_blob FROM events WHERE id = ?) WHERE id = ?")
                .params(from, to).update());
    }

    /** The plan's storage limit of one organisation, as the operator of the service sets it. */
    public void storageLimit(UUID organizationId, long bytes) {
        transactions.run(organizationId, () -> jdbc.sql("UPDATE organizations SET max_storage_bytes = ? WHERE id = ?")
                .params(bytes, organizationId).update());
    }

    /** An evidence clip as a worker stores it with a violation (a copy of the camera's video). */
    public void clip(UUID organizationId, UUID eventId, byte[] video) {
        transactions.run(organizationId, () -> jdbc.sql(
                "UPDATE events SET clip_blob = ?, clip_kind = 'stream_copy' WHERE id = ?")
                .params(blobs.save("video/mp4", video), eventId)
                .update());
    }

    /** How many pictures and videos the organisation stores. */
    public long blobs(UUID organizationId) {
        return transactions.call(organizationId, () -> jdbc.sql(
                "SELECT count(*) FROM blobs").query(Long.class).single());
    }

    /** A site scene with a worker boxed in red. */
    private static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(96, 125, 139));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(121, 85, 72));
        g.fillRect(0, height * 2 / 3, width, height / 3);
        g.setColor(new Color(230, 40, 40));
        g.setStroke(new BasicStroke(Math.max(2, width / 160f)));
        g.drawRect(width * 2 / 5, height / 4, width / 8, height / 2);
        g.dispose();
        return TestImages.jpeg(image);
    }

    public void dailyStat(UUID organizationId, UUID cameraId, LocalDate date, int noHardhat, int noVest,
            int zoneBreach, long frames) {
        Map<ViolationType, Integer> counts = Map.of(ViolationType.NO_HARDHAT, noHardhat, ViolationType.NO_VEST, noVest,
                ViolationType.ZONE_BREACH, zoneBreach);
        TenantContext.runAs(organizationId, () -> {
            dailyStats.save(new DailyStat(cameraId, date, frames));
            counts.forEach((type, count) -> violationCounts.save(new DailyViolationCount(cameraId, date, type, count)));
        });
    }

    /**
     * What the worker writes when a storm of violations exceeds a channel's limit: one storm
     * summary to send, and the alerts it carries held. Answers the summary's id.
     */
    public UUID stormHeld(UUID organizationId, UUID channelId, List<UUID> eventIds) {
        UUID summary = UUID.randomUUID();
        transactions.run(organizationId, () -> {
            jdbc.sql("""
                    INSERT INTO notification_deliveries (id, organization_id, channel_id, purpose, status,
                        next_attempt_at, created_at)
                    VALUES (?, ?, ?, 'summary', 'pending', now(), now())
                    """).params(summary, organizationId, channelId).update();
            eventIds.forEach(eventId -> jdbc.sql("""
                    INSERT INTO notification_deliveries (id, organization_id, channel_id, event_id, purpose, status,
                        covered_by, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, 'alert', 'held', ?, now(), now())
                    """).params(UUID.randomUUID(), organizationId, channelId, eventId, summary).update());
        });
        return summary;
    }
}
