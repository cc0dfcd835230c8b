package io.hardhats.notifications;

import java.util.UUID;

/** One channel as the outbox and the dispatcher read it: its secrets still encrypted. */
record ChannelRow(UUID id, ChannelKind kind, boolean enabled, String targetEncrypted, String signingSecretEncrypted,
        ChannelFilters filters, StormLimit storm) {
}
