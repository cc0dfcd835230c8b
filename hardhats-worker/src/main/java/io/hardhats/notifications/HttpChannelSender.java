package io.hardhats.notifications;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Delivers one HTTP channel kind: the body from that kind's {@link AlertPayloads}, posted through
 * the guarded transport. The idempotency key of an alert is its event id; a summary's is derived
 * from the window it covers, so every retry of it carries the same key.
 */
record HttpChannelSender(AlertPayloads payloads, GuardedHttpPoster http) implements ChannelSender {

    @Override
    public ChannelKind kind() {
        return payloads.kind();
    }

    @Override
    public DeliveryAttempt send(ChannelAddress to, Alert alert) {
        return http.post(to, alert.eventId().toString(), payloads.alert(alert));
    }

    @Override
    public DeliveryAttempt sendSummary(ChannelAddress to, AlertSummary summary) {
        String window = "summary|" + summary.from() + "|" + summary.to() + "|" + summary.total();
        return http.post(to, UUID.nameUUIDFromBytes(window.getBytes(StandardCharsets.UTF_8)).toString(),
                payloads.summary(summary));
    }
}
