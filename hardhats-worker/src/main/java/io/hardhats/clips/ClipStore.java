package io.hardhats.clips;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.hardhats.blobs.BlobStore;
import io.hardhats.events.ClipKind;
import io.hardhats.storage.StorageQuota;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores a written clip as a blob of the event's organisation and links it to the event, while
 * the organisation's storage limit has room for it: the limit is claimed in the same transaction,
 * so clips stored at once never pass it together.
 */
record ClipStore(BlobStore blobs, JdbcClient jdbc, TenantTransactions transactions, StorageQuota quota) {

    /** @return false when the storage limit is reached or the event is gone (deleted meanwhile): nothing is kept */
    boolean attach(UUID organizationId, UUID eventId, ClipKind kind, String contentType, Path file)
            throws IOException {
        long size = Files.size(file);
        return transactions.call(organizationId, () -> {
            // The event is locked before the storage usage, in the order removing an event takes them.
            boolean waiting = jdbc.sql("SELECT id FROM events WHERE id = ? AND clip_blob IS NULL FOR UPDATE")
                    .param(eventId).query(UUID.class).optional().isPresent();
            if (!waiting || !quota.claim(organizationId, size)) {
                return false;
            }
            UUID blob;
            try (InputStream in = Files.newInputStream(file)) {
                blob = blobs.save(contentType, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jdbc.sql("UPDATE events SET clip_blob = ?, clip_kind = ? WHERE id = ?").params(blob, kind.wire(), eventId)
                    .update();
            return true;
        });
    }
}
