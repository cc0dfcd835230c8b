package io.hardhats.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery one dispatcher took from the outbox; {@code claimToken} proves it still holds it
 * when it records the outcome.
 *
 * @param attempts the attempts made so far, this one included
 */
record ClaimedDelivery(UUID id, UUID organizationId, UUID channelId, UUID eventId, DeliveryPurpose purpose,
        int attempts, Instant createdAt, UUID claimToken) {
}
