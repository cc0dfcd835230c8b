package io.hardhats.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery of the log. A storm-held alert has status {@code held} and names the summary
 * that carried it in {@code covered_by}.
 */
public record DeliveryView(UUID id, UUID channelId, String channelName, ChannelKind channelKind, UUID eventId,
        DeliveryPurpose purpose, DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant createdAt,
        Instant deliveredAt, UUID coveredBy, AttemptView lastAttempt) {

    /** One attempt: when, how it went, the receiver's HTTP status or SMTP reply, and any error in words. */
    public record AttemptView(Instant at, String result, Integer httpStatus, String reply, String error) {
    }
}
