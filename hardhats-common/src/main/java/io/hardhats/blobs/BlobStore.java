package io.hardhats.blobs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Event thumbnails and placeholder videos, kept in PostgreSQL (the only durable store) in
 * 1 MiB chunks of the current organisation. Callers choose the tenant scope; row-level
 * security makes another organisation's blob unreadable and unwritable.
 */
@Component
public class BlobStore {

    static final int CHUNK_BYTES = 1024 * 1024;

    /** A stored blob's bytes and type. */
    public record Blob(String contentType, byte[] bytes) {
    }

    private final JdbcClient jdbc;

    public BlobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID save(String contentType, byte[] bytes) {
        try {
            return save(contentType, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the content in, so a large video is never held in memory whole. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID save(String contentType, InputStream content) throws IOException {
        UUID organizationId = TenantContext.requireOrganization();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO blobs (id, organization_id, content_type, size_bytes) VALUES (?, ?, ?, 0)")
                .params(id, organizationId, contentType).update();
        long size = 0;
        int seq = 0;
        byte[] buffer = new byte[CHUNK_BYTES];
        while (true) {
            int filled = content.readNBytes(buffer, 0, CHUNK_BYTES);
            if (filled == 0) {
                break;
            }
            jdbc.sql("INSERT INTO blob_chunks (blob_id, organization_id, seq, data) VALUES (?, ?, ?, ?)")
                    .params(id, organizationId, seq++, Arrays.copyOf(buffer, filled)).update();
            size += filled;
        }
        jdbc.sql("UPDATE blobs SET size_bytes = ? WHERE id = ?").params(size, id).update();
        return id;
    }

    /** The whole blob in memory: for small ones (thumbnails); videos go through {@link #copyTo}. */
    @Transactional(readOnly = true)
    public Optional<Blob> read(UUID id) {
        Optional<String> type = jdbc.sql("SELECT content_type FROM blobs WHERE id = ?").param(id)
                .query(String.class).optional();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> chunks = jdbc.sql("SELECT data FROM blob_chunks WHERE blob_id = ? ORDER BY seq").param(id)
                .query((rs, row) -> rs.getBytes(1)).list();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return Optional.of(new Blob(type.get(), out.toByteArray()));
    }

    /**
     * Writes the blob to {@code out} one chunk at a time, so a placeholder video never sits in
     * memory whole.
     *
     * @return false when there is no such blob (or it is another organisation's)
     */
    @Transactional(readOnly = true)
    public boolean copyTo(UUID id, OutputStream out) {
        if (jdbc.sql("SELECT count(*) FROM blobs WHERE id = ?").param(id).query(Long.class).single() == 0) {
            return false;
        }
        // One row per fetch: without a fetch size the driver reads every chunk into memory first.
        jdbc.sql("SELECT data FROM blob_chunks WHERE blob_id = ? ORDER BY seq").withFetchSize(1).param(id).query(rs -> {
            try {
                out.write(rs.getBytes(1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(UUID id) {
        jdbc.sql("DELETE FROM blobs WHERE id = ?").param(id).update();
    }
}
