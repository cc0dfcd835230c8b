package io.hardhats.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Blob bytes in an S3-compatible bucket, under {@code <organisation id>/<blob id>}; the
 * {@code blobs} row stays in PostgreSQL, so row-level security still decides who reads a blob
 * before any object is fetched.
 */
public class S3BlobStore extends RowBackedBlobStore {

    /** Larger uploads are spooled to a temporary file: S3 wants each object's length up front. */
    private static final int IN_MEMORY_BYTES = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;

    public S3BlobStore(S3Client s3, String bucket, JdbcClient jdbc) {
        super(jdbc);
        this.s3 = s3;
        this.bucket = bucket;
    }

    static String key(UUID organizationId, UUID id) {
        return organizationId + "/" + id;
    }

    /**
     * The object is written at once, outside the transaction; should the transaction roll back,
     * the row that owns it is gone, so the object goes too (an unknown outcome keeps it: bytes
     * left behind cost less than a committed row without them).
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID save(String contentType, InputStream content) throws IOException {
        UUID id = UUID.randomUUID();
        String key = key(rows.insert(id, contentType).organizationId(), id);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    s3.deleteObject(remove -> remove.bucket(bucket).key(key));
                }
            }
        });
        byte[] head = content.readNBytes(IN_MEMORY_BYTES + 1);
        long size;
        if (head.length <= IN_MEMORY_BYTES) {
            s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(head));
            size = head.length;
        } else {
            size = putSpooled(key, contentType, head, content);
        }
        rows.sized(id, size);
        return id;
    }

    private long putSpooled(String key, String contentType, byte[] head, InputStream rest) throws IOException {
        Path spool = Files.createTempFile("hardhats-blob", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(spool)) {
                out.write(head);
                rest.transferTo(out);
            }
            s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(spool));
            return Files.size(spool);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Blob> read(UUID id) {
        return rows.find(id).map(row -> new Blob(row.contentType(),
                s3.getObjectAsBytes(get -> get.bucket(bucket).key(key(row.organizationId(), id))).asByteArray()));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean copyTo(UUID id, OutputStream out) {
        return rows.find(id).map(row -> {
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(
                    get -> get.bucket(bucket).key(key(row.organizationId(), id)))) {
                in.transferTo(out);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public InputStream openRange(UUID id, long offset, long length) {
        BlobRows.Row row = rows.require(id);
        long end = Math.min(row.size(), offset + Math.max(0, length));
        if (offset >= end) {
            return InputStream.nullInputStream();
        }
        return s3.getObject(get -> get.bucket(bucket).key(key(row.organizationId(), id))
                .range("bytes=" + offset + "-" + (end - 1)));
    }

    /** Spring calls it when the application stops (a bean's public {@code close} is its destroy method). */
    public void close() {
        s3.close();
    }

    /** The object goes only once the row's removal has committed, so a rollback loses no bytes. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(UUID id) {
        rows.delete(id).ifPresent(organizationId -> TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        s3.deleteObject(remove -> remove.bucket(bucket).key(key(organizationId, id)));
                    }
                }));
    }
}
