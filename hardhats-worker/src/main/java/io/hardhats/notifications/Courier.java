package io.hardhats.notifications;

import java.time.ZoneId;
import java.util.Optional;

import io.hardhats.crypto.CredentialCipher;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.stereotype.Component;

/**
 * Takes one claimed delivery to its channel: reads what it says and where it goes in the
 * organisation's transaction, then sends outside any transaction, so a slow receiver holds no
 * database connection.
 */
@Component
record Courier(ChannelRows channels, AlertAssembler assembler, ChannelSenders senders, CredentialCipher cipher,
        TenantTransactions transactions) {

    /** A message ready to go: exactly one of {@code alert} and {@code summary}. */
    private record Parcel(ChannelAddress to, Alert alert, AlertSummary summary) {
    }

    DeliveryAttempt deliver(ClaimedDelivery delivery) {
        Optional<ChannelRow> channel = transactions.call(delivery.organizationId(),
                () -> channels.find(delivery.channelId()));
        if (channel.isEmpty() || !channel.get().enabled()) {
            return failed("the channel was disabled before the message went out");
        }
        Optional<ChannelSender> sender = senders.of(channel.get().kind());
        if (sender.isEmpty()) {
            return failed("e-mail is not configured on this service (SMTP_HOST is not set)");
        }
        Optional<Parcel> parcel = transactions.call(delivery.organizationId(), () -> parcel(delivery, channel.get()));
        if (parcel.isEmpty()) {
            return failed("the violations this message was about were deleted");
        }
        Parcel message = parcel.get();
        return message.alert() != null ? sender.get().send(message.to(), message.alert())
                : sender.get().sendSummary(message.to(), message.summary());
    }

    private Optional<Parcel> parcel(ClaimedDelivery delivery, ChannelRow channel) {
        ZoneId zone = channels.zone();
        ChannelAddress to = new ChannelAddress(channel.kind(), cipher.decrypt(channel.targetEncrypted()),
                channel.signingSecretEncrypted() == null ? null : cipher.decrypt(channel.signingSecretEncrypted()));
        return switch (delivery.purpose()) {
            case ALERT -> assembler.alert(delivery.eventId(), zone).map(alert -> new Parcel(to, alert, null));
            case TEST -> Optional.of(new Parcel(to, assembler.sample(delivery.id(), delivery.createdAt(), zone), null));
            case SUMMARY -> assembler.summary(delivery.id(), zone).map(summary -> new Parcel(to, null, summary));
        };
    }

    private static DeliveryAttempt failed(String error) {
        return new DeliveryAttempt(DeliveryAttempt.Result.FAILED, null, null, error);
    }
}
