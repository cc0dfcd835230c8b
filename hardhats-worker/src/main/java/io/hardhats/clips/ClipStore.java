package io.hardhats.clips;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.blobs.BlobStore;
import io.hardhats.events.ClipKind;
import io.hardhats.storage.StorageQuota;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores a written clip once, as a blob of the events' organisation, and links it to every event
 * it is for, while the organisation's storage limit has room for it: the limit is claimed in the
 * same transaction, so clips stored at once never pass it together.
 */
record ClipStore(BlobStore blobs, JdbcClient jdbc, TenantTransactions transactions, StorageQuota quota) {

    /**
     * @return the events the clip was linked to; none when the storage limit is reached or the
     *         events are gone (deleted meanwhile): then nothing is kept
     */
    List<UUID> attach(UUID organizationId, List<UUID> eventIds, ClipKind kind, String contentType, Path file)
            throws IOException {
        long size = Files.size(file);
        return transactions.call(organizationId, () -> {
            // The events are locked before the storage usage, in the order removing an event takes them.
            List<UUID> waiting = jdbc.sql("SELECT id FROM events WHERE id IN (:ids) AND clip_blob IS NULL "
                    + "ORDER BY id FOR UPDATE").param("ids", eventIds).query(UUID.class).list();
            if (waiting.isEmpty() || !quota.claim(organizationId, size)) {
                return List.of();
            }
            UUID blob = save(contentType, file);
            jdbc.sql("UPDATE events SET clip_blob = :blob, clip_kind = :kind WHERE id IN (:ids)")
                    .params(Map.of("blob", blob, "kind", kind.wire(), "ids", waiting)).update();
            return waiting;
        });
    }

    private UUID save(String contentType, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return blobs.save(contentType, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
