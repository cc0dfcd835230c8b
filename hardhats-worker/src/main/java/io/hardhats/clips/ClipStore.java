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
 * the organisation's storage limit has room for it.
 */
record ClipStore(BlobStore blobs, JdbcClient jdbc, TenantTransactions transactions, StorageQuota quota) {

    /** @return false when the storage limit is reached or the event is gone (deleted meanwhile): nothing is kept */
    boolean attach(UUID organizationId, UUID eventId, ClipKind kind, String contentType, Path file)
            throws IOException {
        if (!quota.allowsClip(organizationId, Files.size(file))) {
            return false;
        }
        return transactions.call(organizationId, () -> {
            UUID blob;
            try (InputStream in = Files.newInputStream(file)) {
                blob = blobs.save(contentType, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int linked = jdbc.sql("UPDATE events SET clip_blob = ?, clip_kind = ? WHERE id = ? AND clip_blob IS NULL")
                    .params(blob, kind.wire(), eventId).update();
            if (linked == 0) {
                blobs.delete(blob);
            }
            return linked > 0;
        });
    }
}
