package io.hardhats.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.List;
import java.util.UUID;

import io.hardhats.events.EventView;
import io.hardhats.notifications.NotificationOutbox.NewDelivery;
import io.hardhats.pipeline.ViolationRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the deliveries a violation calls for in the very transaction that records it, so the
 * violation and the intention to notify commit together (or not at all), and a crash after the
 * commit loses nothing. Each enabled channel whose filters match gets one pending alert, unless
 * storm control holds it for the channel's summary.
 */
@Component
record NotificationOutboxWriter(ChannelRows channels, NotificationOutbox outbox, JdbcClient jdbc, Clock clock) {

    /** Synchronous on purpose: it runs inside {@code EventRecorder}'s transaction. */
    @EventListener
    public void violationRecorded(ViolationRecorded recorded) {
        List<ChannelRow> enabled = channels.enabled();
        if (enabled.isEmpty()) {
            return; // the common case: no query beyond this one in the recording transaction
        }
        EventView event = recorded.event();
        ZoneId zone = channels.zone();
        Instant now = clock.instant();
        for (ChannelRow channel : enabled) {
            if (channel.filters().matches(event.cameraId(), event.violationType(), event.severity(),
                    event.createdAt(), zone)) {
                enqueue(channel, event.id(), now);
            }
        }
    }

    /** Alerts the channel sent alone within its window, and when the oldest of them was written. */
    private record SentInWindow(long count, Instant oldest) {
    }

    private void enqueue(ChannelRow channel, UUID eventId, Instant now) {
        channels.lockForStormCount(channel.id());
        SentInWindow sent = jdbc.sql("""
                SELECT count(*), min(created_at) FROM notification_deliveries
                WHERE channel_id = ? AND purpose = 'alert' AND status <> 'held' AND created_at > ?
                """).params(channel.id(), Timestamp.from(now.minusSeconds(channel.storm().windowSeconds())))
                .query((rs, row) -> new SentInWindow(rs.getLong(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .single();
        if (sent.count() < channel.storm().maxAlerts()) {
            outbox.add(new NewDelivery(channel.id(), eventId, DeliveryPurpose.ALERT, DeliveryStatus.PENDING, null,
                    now, now));
            return;
        }
        Instant windowEnd = sent.oldest().plusSeconds(channel.storm().windowSeconds());
        UUID summary = openSummary(channel.id(), now).orElseGet(() -> outbox.add(new NewDelivery(channel.id(), null,
                DeliveryPurpose.SUMMARY, DeliveryStatus.PENDING, null, now, windowEnd)));
        outbox.add(new NewDelivery(channel.id(), eventId, DeliveryPurpose.ALERT, DeliveryStatus.HELD, summary, now,
                windowEnd));
    }

    /**
     * The channel's summary still waiting for its window to end, locked so that a dispatcher
     * cannot claim it before the alert joining it commits; one already claimed is not joined.
     */
    private Optional<UUID> openSummary(UUID channelId, Instant now) {
        return jdbc.sql("""
                SELECT id FROM notification_deliveries
                WHERE channel_id = ? AND purpose = 'summary' AND status = 'pending' AND claim_token IS NULL
                  AND next_attempt_at > ?
                ORDER BY created_at DESC LIMIT 1 FOR UPDATE
                """).params(channelId, Timestamp.from(now)).query(UUID.class).optional();
    }
}
