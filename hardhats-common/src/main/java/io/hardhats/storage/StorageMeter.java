package io.hardhats.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.hardhats.events.EventBlob;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads an organisation's storage, and answers its quota, without a scan of its blobs: the total
 * from {@code storage_usage}, which a trigger on {@code blobs} keeps current; bytes by kind from
 * {@code blobs_organization_kind_idx} (the trigger on events tells each blob its kind); the events
 * from the organisation's event index.
 */
@Component
public record StorageMeter(JdbcClient jdbc, TenantTransactions transactions,
        StorageProperties properties) implements StorageQuota {

    /**
     * Locks the usage row, and changes nothing, when the bytes fit under the limit in force (the
     * organisation's own, else the plan's: {@link StorageProperties#limitFor}). A writer that waits
     * for the lock has the condition checked again against the row as the previous one left it.
     */
    private static final String CLAIM = """
            UPDATE storage_usage u SET bytes = u.bytes FROM organizations o
            WHERE u.organization_id = ? AND o.id = u.organization_id
              AND u.bytes + ? <= coalesce(o.max_storage_bytes, ?)
            """;

    public StorageUsage usage(UUID organizationId) {
        return transactions.call(organizationId, () -> {
            Map<String, Long> byColumn = new LinkedHashMap<>();
            jdbc.sql("SELECT coalesce(kind, ''), sum(size_bytes) FROM blobs WHERE organization_id = ? GROUP BY kind")
                    .param(organizationId).query(rs -> {
                        byColumn.put(rs.getString(1), rs.getLong(2));
                    });
            Map<String, Long> byKind = new LinkedHashMap<>();
            for (EventBlob blob : EventBlob.values()) {
                byKind.put(blob.label(), byColumn.getOrDefault(blob.column(), 0L));
            }
            long total = jdbc.sql("SELECT coalesce(sum(bytes), 0) FROM storage_usage WHERE organization_id = ?")
                    .param(organizationId).query(Long.class).single();
            long events = jdbc.sql("SELECT count(*) FROM events WHERE organization_id = ?").param(organizationId)
                    .query(Long.class).single();
            return StorageUsage.of(byKind, total, limit(organizationId), events);
        });
    }

    @Override
    public boolean claim(UUID organizationId, long bytes) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("storage is claimed in the transaction that stores the bytes");
        }
        // An organisation that has stored nothing yet has no row to lock.
        jdbc.sql("INSERT INTO storage_usage (organization_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(organizationId).update();
        return jdbc.sql(CLAIM).params(organizationId, bytes, properties.defaultLimit().toBytes()).update() == 1;
    }

    /** The storage limit in force for the organisation; in the organisation's scope. */
    private long limit(UUID organizationId) {
        return properties.limitFor(jdbc.sql("SELECT max_storage_bytes FROM organizations WHERE id = ?")
                .param(organizationId).query(Long.class).optional().orElse(null));
    }
}
