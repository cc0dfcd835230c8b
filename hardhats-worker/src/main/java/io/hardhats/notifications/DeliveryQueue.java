package io.hardhats.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.hardhats.persistence.WireValue;
import io.hardhats.tenancy.SystemTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dispatcher's side of the outbox, across organisations, in short transactions: claiming due
 * deliveries ({@link OutboxClaims}) and recording how each attempt went.
 */
@Component
class DeliveryQueue {

    private final JdbcClient jdbc;
    private final SystemTransactions transactions;
    private final RetrySchedule retries;
    private final OutboxClaims claims;

    DeliveryQueue(JdbcClient jdbc, SystemTransactions transactions, NotificationSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retries = RetrySchedule.of(settings.dispatch());
        this.claims = new OutboxClaims(jdbc, transactions, settings.dispatch().claimLease());
    }

    List<ClaimedDelivery> claim(Instant now, int max) {
        return claims.claim("notification_deliveries",
                "t.id, t.organization_id, t.channel_id, t.event_id, t.purpose, t.attempts, t.created_at", now, max,
                (rs, token) -> new ClaimedDelivery(rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class), rs.getObject("channel_id", UUID.class),
                        rs.getObject("event_id", UUID.class),
                        WireValue.parse(DeliveryPurpose.class, rs.getString("purpose")), rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant(), token));
    }

    /**
     * Logs the attempt and moves the delivery on: delivered, failed, or retrying at its next
     * time. Answers the status it now has.
     */
    DeliveryStatus record(ClaimedDelivery delivery, DeliveryAttempt attempt, Instant now) {
        RetrySchedule.Outcome outcome = retries.outcome(attempt, delivery.attempts(), delivery.createdAt(), now);
        DeliveryStatus status = outcome.status();
        transactions.run(() -> {
            jdbc.sql("""
                    INSERT INTO notification_attempts (id, organization_id, delivery_id, at, result, http_status,
                        reply, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(UUID.randomUUID(), delivery.organizationId(), delivery.id(), Timestamp.from(now),
                    status == DeliveryStatus.RETRYING ? "retry" : status.wire(), attempt.httpStatus(),
                    clip(attempt.reply()), clip(outcome.error())).update();
            jdbc.sql("""
                    UPDATE notification_deliveries
                    SET status = ?, next_attempt_at = ?, delivered_at = ?, claim_token = NULL
                    WHERE id = ? AND claim_token = ?
                    """).params(status.wire(), Timestamp.from(outcome.nextAttemptAt()),
                    status == DeliveryStatus.DELIVERED ? Timestamp.from(now) : null, delivery.id(),
                    delivery.claimToken()).update();
        });
        return status;
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
