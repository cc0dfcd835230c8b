package io.hardhats.notifications.digest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.notifications.DeliveryAttempt;
import io.hardhats.notifications.DeliveryStatus;
import io.hardhats.notifications.NotificationSettings;
import io.hardhats.notifications.OutboxClaims;
import io.hardhats.notifications.RetrySchedule;
import io.hardhats.notifications.email.MailConfigured;
import io.hardhats.tenancy.SystemTransactions;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The digests to send, shared by every worker through {@code digest_deliveries}. Adding one is an
 * insert that the unique key lets through once; sending takes the same path as alert deliveries:
 * a claim with a lease ({@link OutboxClaims}), the e-mail sent outside any transaction, the
 * outcome recorded while the claim holds, and retries on the alerts' {@link RetrySchedule}.
 */
@Component
@Conditional(MailConfigured.class)
public class DigestQueue {

    private final JdbcClient jdbc;
    private final SystemTransactions transactions;
    private final RetrySchedule retries;
    private final OutboxClaims claims;

    public DigestQueue(JdbcClient jdbc, SystemTransactions transactions, NotificationSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retries = RetrySchedule.of(settings.dispatch());
        this.claims = new OutboxClaims(jdbc, transactions, settings.dispatch().claimLease());
    }

    /**
     * One digest for one address, claimed for sending.
     *
     * @param attempts the attempts made so far, this one included
     */
    public record Due(UUID id, UUID organizationId, LocalDate day, String recipient, int attempts, Instant createdAt,
            UUID claimToken) {
    }

    /** Adds the digest of {@code day} for {@code recipient}; true when this call added it. */
    public boolean add(UUID organization, LocalDate day, String recipient, Instant now) {
        return transactions.call(() -> jdbc.sql("""
                INSERT INTO digest_deliveries (id, organization_id, day, recipient, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (organization_id, day, recipient) DO NOTHING
                """).params(UUID.randomUUID(), organization, day, recipient, Timestamp.from(now), Timestamp.from(now))
                .update() == 1);
    }

    /** Claims the next due digest that no other worker holds; empty when none is due. */
    public Optional<Due> claimNext(Instant now) {
        return claims.claim("digest_deliveries", "t.id, t.organization_id, t.day, t.recipient, t.attempts, t.created_at",
                now, 1, (row, token) -> new Due(row.getObject("id", UUID.class),
                        row.getObject("organization_id", UUID.class), row.getObject("day", LocalDate.class),
                        row.getString("recipient"), row.getInt("attempts"), row.getTimestamp("created_at").toInstant(),
                        token)).stream().findFirst();
    }

    /** Records how sending went: delivered, failed, or retrying at its next time. */
    public DeliveryStatus record(Due due, DeliveryAttempt attempt, Instant now) {
        RetrySchedule.Outcome outcome = retries.outcome(attempt, due.attempts(), due.createdAt(), now);
        transactions.run(() -> jdbc.sql("""
                UPDATE digest_deliveries SET status = ?, next_attempt_at = ?, last_reply = ?, last_error = ?,
                    delivered_at = ?, claim_token = NULL
                WHERE id = ? AND claim_token = ?
                """).params(outcome.status().wire(), Timestamp.from(outcome.nextAttemptAt()), attempt.reply(),
                outcome.error(), outcome.status() == DeliveryStatus.DELIVERED ? Timestamp.from(now) : null, due.id(),
                due.claimToken()).update());
        return outcome.status();
    }
}
