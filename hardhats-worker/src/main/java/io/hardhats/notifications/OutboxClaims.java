package io.hardhats.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.hardhats.tenancy.SystemTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How every outbox (alert deliveries, daily digests) hands due rows to a sender, across
 * organisations, in one short transaction: {@code FOR UPDATE SKIP LOCKED}, so instances never take
 * the same row, and each claimed row gets the claim's token, counts the attempt and has its next
 * attempt moved one lease ahead, so no other sender sees it as due while it is being sent, and a
 * sender that died with it gives it back when the lease ends. The sender then sends outside any
 * transaction and records the outcome only while its token is still on the row.
 */
public record OutboxClaims(JdbcClient jdbc, SystemTransactions transactions, Duration lease) {

    /** Maps one claimed row, given the claim's token. */
    @FunctionalInterface
    public interface ClaimedRow<T> {
        T map(ResultSet row, UUID claimToken) throws SQLException;
    }

    /**
     * Claims up to {@code max} rows of {@code table} due at {@code now}, oldest due first.
     *
     * @param columns the columns to answer, read by {@code mapper}
     */
    public <T> List<T> claim(String table, String columns, Instant now, int max, ClaimedRow<T> mapper) {
        UUID token = UUID.randomUUID();
        return transactions.call(() -> jdbc.sql("""
                UPDATE %1$s t
                SET claim_token = ?, next_attempt_at = ?, attempts = t.attempts + 1
                WHERE t.id IN (
                    SELECT id FROM %1$s
                    WHERE status IN ('pending', 'retrying') AND next_attempt_at <= ?
                    ORDER BY next_attempt_at
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                RETURNING %2$s
                """.formatted(table, columns)).params(token, Timestamp.from(now.plus(lease)), Timestamp.from(now), max)
                .query((row, number) -> mapper.map(row, token)).list());
    }
}
