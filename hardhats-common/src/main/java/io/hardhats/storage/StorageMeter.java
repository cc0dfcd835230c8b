package io.hardhats.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.hardhats.events.EventBlob;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads an organisation's storage, and answers its quota, from indexes: blob sizes by kind from
 * {@code blobs_organization_kind_idx} (the trigger on events tells each blob its kind), the events
 * from the organisation's event index, never a join through every event.
 */
@Component
public record StorageMeter(JdbcClient jdbc, TenantTransactions transactions,
        StorageProperties properties) implements StorageQuota {

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
            long total = byColumn.values().stream().mapToLong(Long::longValue).sum();
            long events = jdbc.sql("SELECT count(*) FROM events WHERE organization_id = ?").param(organizationId)
                    .query(Long.class).single();
            return StorageUsage.of(byKind, total, limit(organizationId), events);
        });
    }

    @Override
    public boolean allowsClip(UUID organizationId, long bytes) {
        return transactions.call(organizationId, () -> stored(organizationId) + bytes <= limit(organizationId));
    }

    /** Every byte the organisation stores, placeholder videos included; in the organisation's scope. */
    private long stored(UUID organizationId) {
        return jdbc.sql("SELECT coalesce(sum(size_bytes), 0) FROM blobs WHERE organization_id = ?")
                .param(organizationId).query(Long.class).single();
    }

    /** The storage limit in force for the organisation; in the organisation's scope. */
    private long limit(UUID organizationId) {
        return properties.limitFor(jdbc.sql("SELECT max_storage_bytes FROM organizations WHERE id = ?")
                .param(organizationId).query(Long.class).optional().orElse(null));
    }
}
