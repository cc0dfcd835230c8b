package io.hardhats.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.hardhats.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notification messages no event stands behind, so none goes with an event: "Send test"
 * messages, storm summaries (once no alert they carried is left) and daily digests. Only finished
 * ones (delivered or failed) go, never one a sender may still be holding; each delivery's attempts
 * go with it (the foreign key cascades).
 */
record ExpiredMessages(String kind, String deleteBatchSql, JdbcClient jdbc, TenantTransactions transactions)
        implements ExpiredRecords {

    static ExpiredMessages deliveries(JdbcClient jdbc, TenantTransactions transactions) {
        return new ExpiredMessages("notification deliveries", """
                DELETE FROM notification_deliveries WHERE id IN (
                    SELECT d.id FROM notification_deliveries d
                    WHERE d.organization_id = ? AND d.created_at < ? AND d.purpose IN ('test', 'summary')
                      AND d.status IN ('delivered', 'failed')
                      AND NOT EXISTS (SELECT 1 FROM notification_deliveries held WHERE held.covered_by = d.id)
                    ORDER BY d.created_at LIMIT ? FOR UPDATE OF d SKIP LOCKED)
                """, jdbc, transactions);
    }

    static ExpiredMessages digests(JdbcClient jdbc, TenantTransactions transactions) {
        return new ExpiredMessages("digests", """
                DELETE FROM digest_deliveries WHERE id IN (
                    SELECT id FROM digest_deliveries
                    WHERE organization_id = ? AND created_at < ? AND status IN ('delivered', 'failed')
                    ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
                """, jdbc, transactions);
    }

    @Override
    public int deleteBatch(UUID organizationId, Instant createdBefore, int limit) {
        return transactions.call(organizationId, () -> jdbc.sql(deleteBatchSql)
                .params(organizationId, Timestamp.from(createdBefore), limit).update());
    }
}
