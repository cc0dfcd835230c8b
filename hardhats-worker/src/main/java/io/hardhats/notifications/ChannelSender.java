package io.hardhats.notifications;

/** Delivers alerts to one kind of channel. Never throws: every outcome is a {@link DeliveryAttempt}. */
public interface ChannelSender {

    ChannelKind kind();

    DeliveryAttempt send(ChannelAddress to, Alert alert);

    DeliveryAttempt sendSummary(ChannelAddress to, AlertSummary summary);

    /** Whether its messages show the annotated frame, which is then read for them. */
    default boolean showsFrame() {
        return false;
    }
}
