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
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Event thumbnails, frames and clips and placeholder videos, kept in PostgreSQL (the only durable store) in
 * 1 MiB chunks of the current organisation. Callers choose the tenant scope; row-level
 * security makes another organisation's blob unreadable and unwritable.
 */
@Component
public class BlobStore {

    static final int CHUNK_BYTES = 1024 * 1024;

    /** A stored blob's bytes and type. */
    public record Blob(String contentType, byte[] bytes) {
    }

    /** A stored blob's type and size, without its bytes. */
    public record BlobInfo(String contentType, long size) {
    }

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;

    public BlobStore(JdbcClient jdbc, TenantTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
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

    /** The blob's type and size, or empty when there is no such blob (or it is another organisation's). */
    @Transactional(readOnly = true)
    public Optional<BlobInfo> info(UUID id) {
        return jdbc.sql("SELECT content_type, size_bytes FROM blobs WHERE id = ?").param(id)
                .query((rs, row) -> new BlobInfo(rs.getString(1), rs.getLong(2))).optional();
    }

    /**
     * Bytes {@code offset} to {@code offset + length - 1} of the blob of the organisation in scope
     * now, read chunk by chunk as the stream is read, each chunk in a short transaction of its
     * own (a slow reader holds no connection). A range past the end yields what there is.
     */
    public InputStream openRange(UUID id, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative range");
        }
        UUID organizationId = TenantContext.requireOrganization();
        return new BlobRange(id, offset, length, CHUNK_BYTES, (blob, seq, from, count) ->
                transactions.call(organizationId, () -> jdbc.sql(
                        "SELECT substring(data FROM ? FOR ?) FROM blob_chunks WHERE blob_id = ? AND seq = ?")
                        .params(from + 1, count, blob, seq)
                        .query((rs, row) -> rs.getBytes(1)).optional().orElse(new byte[0])));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(UUID id) {
        jdbc.sql("DELETE FROM blobs WHERE id = ?").param(id).update();
    }
}
