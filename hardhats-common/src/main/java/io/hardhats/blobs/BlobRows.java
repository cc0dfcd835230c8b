package io.hardhats.blobs;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code blobs} row every store keeps per blob, whatever holds the bytes: it belongs to the
 * current organisation, so row-level security answers who may see or remove the blob.
 */
final class BlobRows {

    /** What the row says about a blob the current organisation may read. */
    record Row(UUID organizationId, String contentType, long size) {
    }

    private final JdbcClient jdbc;

    BlobRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new row of the current organisation, sized once its bytes are stored. */
    Row insert(UUID id, String contentType) {
        UUID organizationId = TenantContext.requireOrganization();
        jdbc.sql("INSERT INTO blobs (id, organization_id, content_type, size_bytes) VALUES (?, ?, ?, 0)")
                .params(id, organizationId, contentType).update();
        return new Row(organizationId, contentType, 0);
    }

    void sized(UUID id, long size) {
        jdbc.sql("UPDATE blobs SET size_bytes = ? WHERE id = ?").params(size, id).update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT organization_id, content_type, size_bytes FROM blobs WHERE id = ?").param(id)
                .query((rs, row) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    Row require(UUID id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("no blob " + id));
    }

    /** Removes the row (and, through the foreign keys, whatever references it) if the organisation may. */
    Optional<UUID> delete(UUID id) {
        return jdbc.sql("DELETE FROM blobs WHERE id = ? RETURNING organization_id").param(id)
                .query(UUID.class).optional();
    }
}
