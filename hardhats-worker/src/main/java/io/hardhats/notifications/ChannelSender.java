package io.hardhats.notifications;

/** Delivers alerts to one kind of channel. Never throws: every outcome is a {@link DeliveryAttempt}. */
public interface ChannelSender {

    ChannelKind kind();

    DeliveryAttempt send(ChannelAddress to, Alert alert);

    DeliveryAttempt sendSummary(ChannelAddress to, AlertSummary summary);
}
