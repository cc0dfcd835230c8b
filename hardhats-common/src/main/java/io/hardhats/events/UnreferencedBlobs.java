package io.hardhats.events;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.hardhats.blobs.BlobStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes the blobs of removed events that no event references any more. Events share blobs (one
 * frame for the violations of one moment, one clip for violations close together), so an event's
 * blobs go with it only when it was their last. The blobs are locked first, in id order: two
 * transactions removing the last two events of one blob then look one after the other, and the
 * second sees the first's event gone, so neither keeps the blob for the other's sake.
 */
@Component
public record UnreferencedBlobs(JdbcClient jdbc, BlobStore blobs) {

    private static final String STILL_REFERENCED = Arrays.stream(EventBlob.values())
            .map(blob -> blob.references("b.id")).collect(Collectors.joining(" OR "));

    /** In the caller's transaction of the organisation, once the events that referenced them are removed. */
    public void remove(Collection<UUID> candidates) {
        List<UUID> ids = candidates.stream().distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT id FROM blobs WHERE id IN (:ids) ORDER BY id FOR UPDATE").param("ids", ids)
                .query(UUID.class).list();
        jdbc.sql("SELECT b.id FROM blobs b WHERE b.id IN (:ids) AND NOT EXISTS (SELECT 1 FROM events WHERE "
                + STILL_REFERENCED + ")").param("ids", ids).query(UUID.class).list().forEach(blobs::delete);
    }
}
