package io.hardhats.blobs;

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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blobs kept in PostgreSQL (the default: no other durable store needed) in 1 MiB chunks of the
 * current organisation; row-level security makes another organisation's blob unreadable and
 * unwritable.
 */
public class PostgresBlobStore extends RowBackedBlobStore {

    static final int CHUNK_BYTES = 1024 * 1024;

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;

    public PostgresBlobStore(JdbcClient jdbc, TenantTransactions transactions) {
        super(jdbc);
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID save(String contentType, InputStream content) throws IOException {
        UUID id = UUID.randomUUID();
        UUID organizationId = rows.insert(id, contentType).organizationId();
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
        rows.sized(id, size);
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Blob> read(UUID id) {
        return rows.find(id).map(row -> {
            List<byte[]> chunks = jdbc.sql("SELECT data FROM blob_chunks WHERE blob_id = ? ORDER BY seq").param(id)
                    .query((rs, n) -> rs.getBytes(1)).list();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            chunks.forEach(out::writeBytes);
            return new Blob(row.contentType(), out.toByteArray());
        });
    }

    @Override
    @Transactional(readOnly = true)
    public boolean copyTo(UUID id, OutputStream out) {
        if (rows.find(id).isEmpty()) {
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

    /**
     * Read as the caller reads: one chunk's needed part at a time, each in a short transaction of
     * the organisation, so a clip sent to a seeking player is never in memory whole and a slow
     * reader holds no connection between reads.
     */
    @Override
    @Transactional(readOnly = true)
    public InputStream openRange(UUID id, long offset, long length) {
        long size = rows.require(id).size();
        long end = Math.min(size, offset + Math.max(0, length));
        if (offset >= end) {
            return InputStream.nullInputStream();
        }
        UUID organizationId = TenantContext.requireOrganization();
        return new BlobRange(id, offset, end - offset, CHUNK_BYTES, (blob, seq, from, count) ->
                transactions.call(organizationId, () -> jdbc.sql(
                        "SELECT substring(data FROM ? FOR ?) FROM blob_chunks WHERE blob_id = ? AND seq = ?")
                        .params(from + 1, count, blob, seq)
                        .query((rs, row) -> rs.getBytes(1)).optional().orElse(new byte[0])));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(UUID id) {
        rows.delete(id);
    }
}
