package io.hardhats.notifications.digest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.hardhats.notifications.DeliveryAttempt;
import io.hardhats.notifications.DeliveryAttempt.Result;
import io.hardhats.notifications.email.MailConfigured;
import io.hardhats.tenancy.SystemTransactions;
import javax.sql.DataSource;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The digests to send, shared by every worker through {@code digest_deliveries}. Claiming is an
 * insert that the unique key lets through once; sending happens while the row is locked
 * ({@code FOR UPDATE SKIP LOCKED}), so two workers never send the same digest at once.
 */
@Component
@Conditional(MailConfigured.class)
public class DigestQueue {

    /** Failed sends are tried again for this long after the digest fell due, then given up. */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final SystemTransactions transactions;

    public DigestQueue(DataSource dataSource, SystemTransactions transactions) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = transactions;
    }

    /** One digest for one address: what to send and to whom. */
    public record Due(UUID id, UUID organizationId, LocalDate day, String recipient, int attempts, Instant createdAt) {
    }

    /** Claims the digest of {@code day} for {@code recipient}; true when this call claimed it. */
    public boolean claim(UUID organization, LocalDate day, String recipient, Instant now) {
        return transactions.call(() -> jdbc.sql("""
                INSERT INTO digest_deliveries (id, organization_id, day, recipient, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (organization_id, day, recipient) DO NOTHING
                """).params(UUID.randomUUID(), organization, day, recipient, Timestamp.from(now), Timestamp.from(now))
                .update() == 1);
    }

    /**
     * Sends the next due digest that no other worker holds and records how it went; empty when
     * none is due.
     */
    public Optional<DeliveryAttempt> sendNext(Instant now, Function<Due, DeliveryAttempt> send) {
        return transactions.call(() -> jdbc.sql("""
                SELECT id, organization_id, day, recipient, attempts, created_at FROM digest_deliveries
                WHERE status IN ('pending', 'retrying') AND next_attempt_at <= ?
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED
                """).param(Timestamp.from(now)).query((row, i) -> new Due(row.getObject("id", UUID.class),
                        row.getObject("organization_id", UUID.class), row.getObject("day", LocalDate.class),
                        row.getString("recipient"), row.getInt("attempts"),
                        row.getTimestamp("created_at").toInstant())).optional()
                .map(due -> record(due, send.apply(due), now)));
    }

    private DeliveryAttempt record(Due due, DeliveryAttempt attempt, Instant now) {
        int attempts = due.attempts() + 1;
        boolean givingUp = attempt.result() == Result.RETRY && !now.plus(wait(attempts)).isBefore(
                due.createdAt().plus(GIVE_UP_AFTER));
        String status = attempt.result() == Result.DELIVERED ? "delivered"
                : attempt.result() == Result.FAILED || givingUp ? "failed" : "retrying";
        jdbc.sql("""
                UPDATE digest_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_reply = ?,
                    last_error = ?, delivered_at = ?
                WHERE id = ?
                """).params(status, attempts, Timestamp.from(now.plus(wait(attempts))), attempt.reply(),
                        attempt.error(), status.equals("delivered") ? Timestamp.from(now) : null, due.id())
                .update();
        return attempt;
    }

    /** One minute after the first failure, doubling up to an hour. */
    static Duration wait(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
