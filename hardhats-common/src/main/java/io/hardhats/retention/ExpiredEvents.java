package io.hardhats.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hardhats.events.EventBlob;
import io.hardhats.events.UnreferencedBlobs;
import io.hardhats.tenancy.SystemTransactions;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each organisation's retention period, and the removal of its oldest expired events with the
 * blobs only they referenced, one bounded batch per short transaction. Rows another transaction is
 * removing (a user deleting an event) are skipped rather than waited for. Their alert deliveries
 * go with them (the foreign key cascades).
 */
@Component
@Order(1)
public record ExpiredEvents(JdbcClient jdbc, UnreferencedBlobs unreferenced, TenantTransactions transactions,
        SystemTransactions system) implements ExpiredRecords {

    /** @param chosenDays the organisation's own period, or null for the plan's default */
    public record Period(UUID organizationId, Integer chosenDays) {
    }

    private static final String DELETE_BATCH = """
            DELETE FROM events WHERE id IN (
                SELECT id FROM events WHERE organization_id = ? AND created_at < ?
                ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING\s""" + String.join(", ", EventBlob.columns());

    public List<Period> periods() {
        return system.call(() -> jdbc.sql("SELECT id, retention_days FROM organizations")
                .query((rs, row) -> new Period(rs.getObject(1, UUID.class), rs.getObject(2, Integer.class))).list());
    }

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
            unreferenced.remove(referenced);
            return events;
        });
    }
}
