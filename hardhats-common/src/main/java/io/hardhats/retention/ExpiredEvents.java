package io.hardhats.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hardhats.blobs.BlobStore;
import io.hardhats.events.EventBlob;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An organisation's oldest expired events and the blobs they reference; their alert deliveries go
 * with them (the foreign key cascades).
 */
@Component
@Order(1)
public record ExpiredEvents(JdbcClient jdbc, BlobStore blobs, TenantTransactions transactions)
        implements ExpiredRecords {

    private static final String DELETE_BATCH = """
            DELETE FROM events WHERE id IN (
                SELECT id FROM events WHERE organization_id = ? AND created_at < ?
                ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING\s""" + String.join(", ", EventBlob.columns());

    @Override
    public String kind() {
        return "events";
    }

    @Override
    public int deleteBatch(UUID organizationId, Instant createdBefore, int limit) {
        return transactions.call(organizationId, () -> {
            List<UUID> referenced = new ArrayList<>();
            int events = jdbc.sql(DELETE_BATCH).params(organizationId, Timestamp.from(createdBefore), limit)
                    .query((rs, row) -> {
                        for (String column : EventBlob.columns()) {
                            String blob = rs.getString(column);
                            if (blob != null) {
                                referenced.add(UUID.fromString(blob));
                            }
                        }
                        return row;
                    }).list().size();
            referenced.forEach(blobs::delete);
            return events;
        });
    }
}
