package io.hardhats.notifications;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A channel as the API shows it: its target masked, never whole.
 *
 * @param signingSecret the webhook's signing secret, only in the answer that created it
 * @param lastDelivery the channel's latest delivery, or null before the first
 */
public record ChannelView(UUID id, String name, ChannelKind kind, boolean enabled, String targetMasked,
        ChannelFilters filters, StormLimit storm, Instant createdAt, LastDelivery lastDelivery,
        @JsonInclude(JsonInclude.Include.NON_NULL) String signingSecret) {

    public record LastDelivery(DeliveryStatus status, Instant at) {
    }

    ChannelView withSigningSecret(String secret) {
        return new ChannelView(id, name, kind, enabled, targetMasked, filters, storm, createdAt, lastDelivery, secret);
    }
}
