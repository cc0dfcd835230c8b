package io.hardhats.notifications;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.hardhats.persistence.WireValue;
import io.hardhats.tenancy.SystemTransactions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dispatcher's side of the outbox, across organisations, in short transactions: claiming due
 * deliveries ({@code FOR UPDATE SKIP LOCKED}, so instances never take the same row) and recording
 * how each attempt went. A claim moves the row's next attempt one lease ahead, so no other
 * dispatcher sees it as due while it is being sent, and a dispatcher that died with it gives it
 * back when the lease ends.
 */
@Component
class DeliveryQueue {

    private final JdbcClient jdbc;
    private final SystemTransactions transactions;
    private final RetrySchedule retries;
    private final Duration claimLease;

    @Autowired
    DeliveryQueue(JdbcClient jdbc, SystemTransactions transactions, NotificationSettings settings) {
        this(jdbc, transactions, new RetrySchedule(settings.dispatch(),
                bound -> ThreadLocalRandom.current().nextLong(bound)), settings.dispatch().claimLease());
    }

    DeliveryQueue(JdbcClient jdbc, SystemTransactions transactions, RetrySchedule retries, Duration claimLease) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retries = retries;
        this.claimLease = claimLease;
    }

    List<ClaimedDelivery> claim(Instant now, int max) {
        UUID token = UUID.randomUUID();
        return transactions.call(() -> jdbc.sql("""
                UPDATE notification_deliveries d
                SET claim_token = ?, next_attempt_at = ?, attempts = d.attempts + 1
                WHERE d.id IN (
                    SELECT id FROM notification_deliveries
                    WHERE status IN ('pending', 'retrying') AND next_attempt_at <= ?
                    ORDER BY next_attempt_at
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.organization_id, d.channel_id, d.event_id, d.purpose, d.attempts, d.created_at
                """).params(token, Timestamp.from(now.plus(claimLease)), Timestamp.from(now), max)
                .query((rs, row) -> new ClaimedDelivery(rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class), rs.getObject("channel_id", UUID.class),
                        rs.getObject("event_id", UUID.class),
                        WireValue.parse(DeliveryPurpose.class, rs.getString("purpose")), rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant(), token))
                .list());
    }

    /**
     * Logs the attempt and moves the delivery on: delivered, failed, or retrying at its next
     * time. Answers the status it now has.
     */
    DeliveryStatus record(ClaimedDelivery delivery, DeliveryAttempt attempt, Instant now) {
        Optional<Instant> retryAt = attempt.result() == DeliveryAttempt.Result.RETRY
                ? retries.next(delivery.attempts(), delivery.createdAt(), now) : Optional.empty();
        DeliveryStatus status = switch (attempt.result()) {
            case DELIVERED -> DeliveryStatus.DELIVERED;
            case FAILED -> DeliveryStatus.FAILED;
            case RETRY -> retryAt.isPresent() ? DeliveryStatus.RETRYING : DeliveryStatus.FAILED;
        };
        String error = status == DeliveryStatus.FAILED && attempt.result() == DeliveryAttempt.Result.RETRY
                ? attempt.error() + "; gave up after retrying for " + retries.retryFor().toHours() + " h"
                : attempt.error();
        transactions.run(() -> {
            jdbc.sql("""
                    INSERT INTO notification_attempts (id, organization_id, delivery_id, at, result, http_status,
                        reply, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(UUID.randomUUID(), delivery.organizationId(), delivery.id(), Timestamp.from(now),
                    status == DeliveryStatus.RETRYING ? "retry" : status.wire(), attempt.httpStatus(),
                    clip(attempt.reply()), clip(error)).update();
            jdbc.sql("""
                    UPDATE notification_deliveries
                    SET status = ?, next_attempt_at = ?, delivered_at = ?, claim_token = NULL
                    WHERE id = ? AND claim_token = ?
                    """).params(status.wire(), Timestamp.from(retryAt.orElse(now)),
                    status == DeliveryStatus.DELIVERED ? Timestamp.from(now) : null, delivery.id(),
                    delivery.claimToken()).update();
        });
        return status;
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
