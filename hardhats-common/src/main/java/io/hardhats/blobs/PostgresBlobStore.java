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

    public PostgresBlobStore(JdbcClient jdbc) {
        super(jdbc);
        this.jdbc = jdbc;
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

    /** Only the chunks the range touches are read, and only the range's part of each leaves the database. */
    @Override
    @Transactional(readOnly = true)
    public InputStream openRange(UUID id, long offset, long length) {
        long size = rows.require(id).size();
        long end = Math.min(size, offset + Math.max(0, length));
        if (offset >= end) {
            return InputStream.nullInputStream();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(end - offset, Integer.MAX_VALUE - 8));
        jdbc.sql("""
                SELECT substring(data FROM (greatest(:from, seq::bigint * :chunk) - seq::bigint * :chunk + 1)::int
                                      FOR (least(:to, (seq + 1)::bigint * :chunk) - greatest(:from, seq::bigint * :chunk))::int)
                FROM blob_chunks WHERE blob_id = :id AND seq BETWEEN :first AND :last ORDER BY seq
                """)
                .param("from", offset).param("to", end).param("chunk", (long) CHUNK_BYTES).param("id", id)
                .param("first", (int) (offset / CHUNK_BYTES)).param("last", (int) ((end - 1) / CHUNK_BYTES))
                .query(rs -> {
                    out.writeBytes(rs.getBytes(1));
                });
        return new ByteArrayInputStream(out.toByteArray());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(UUID id) {
        rows.delete(id);
    }
}
