package io.hardhats.notifications;

import java.time.ZoneId;
import java.util.Optional;

import io.hardhats.crypto.CredentialCipher;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.stereotype.Component;

/**
 * Takes one claimed delivery to its channel: reads what it says and where it goes in one
 * transaction of its organisation, then (the frame, where the message shows it, included) sends
 * outside any transaction, so a slow receiver holds no database connection.
 */
@Component
record Courier(ChannelRows channels, AlertAssembler assembler, ChannelSenders senders, CredentialCipher cipher,
        TenantTransactions transactions) {

    /** A message ready to go: exactly one of {@code alert} and {@code summary}. */
    private record Parcel(ChannelSender sender, ChannelAddress to, AlertAssembler.EventAlert alert,
            AlertSummary summary) {
    }

    /** A parcel, or why there is none. */
    private record Prepared(Parcel parcel, DeliveryAttempt refusal) {

        static Prepared refused(String error) {
            return new Prepared(null, new DeliveryAttempt(DeliveryAttempt.Result.FAILED, null, null, error));
        }
    }

    DeliveryAttempt deliver(ClaimedDelivery delivery) {
        Prepared prepared = transactions.call(delivery.organizationId(), () -> prepare(delivery));
        if (prepared.refusal() != null) {
            return prepared.refusal();
        }
        Parcel parcel = prepared.parcel();
        if (parcel.summary() != null) {
            return parcel.sender().sendSummary(parcel.to(), parcel.summary());
        }
        return parcel.sender().send(parcel.to(), parcel.sender().showsFrame()
                ? assembler.framed(delivery.organizationId(), parcel.alert()) : parcel.alert().alert());
    }

    private Prepared prepare(ClaimedDelivery delivery) {
        Optional<ChannelRow> found = channels.find(delivery.channelId());
        if (found.isEmpty() || !found.get().enabled()) {
            return Prepared.refused("the channel was disabled before the message went out");
        }
        ChannelRow channel = found.get();
        Optional<ChannelSender> sender = senders.of(channel.kind());
        if (sender.isEmpty()) {
            return Prepared.refused("e-mail is not configured on this service (SMTP_HOST is not set)");
        }
        ZoneId zone = channels.zone();
        ChannelAddress to = new ChannelAddress(channel.kind(), cipher.decrypt(channel.targetEncrypted()),
                channel.signingSecretEncrypted() == null ? null : cipher.decrypt(channel.signingSecretEncrypted()));
        Optional<Parcel> parcel = switch (delivery.purpose()) {
            case ALERT -> assembler.alert(delivery.eventId(), zone)
                    .map(alert -> new Parcel(sender.get(), to, alert, null));
            case TEST -> Optional.of(new Parcel(sender.get(), to, new AlertAssembler.EventAlert(
                    assembler.sample(delivery.id(), delivery.createdAt(), zone), null), null));
            case SUMMARY -> assembler.summary(delivery.id(), zone)
                    .map(summary -> new Parcel(sender.get(), to, null, summary));
        };
        return parcel.map(ready -> new Prepared(ready, null))
                .orElseGet(() -> Prepared.refused("the violations this message was about were deleted"));
    }
}
