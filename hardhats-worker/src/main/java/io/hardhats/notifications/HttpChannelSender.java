package io.hardhats.notifications;

/**
 * Delivers one HTTP channel kind: the body from that kind's {@link AlertPayloads}, posted through
 * the guarded transport. The idempotency key of an alert is its event id, a summary's its
 * delivery's id: unique, and the same on every retry.
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
        return http.post(to, summary.id().toString(), payloads.summary(summary));
    }
}
