package io.hardhats.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import io.hardhats.blobs.BlobStore;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.stereotype.Component;

/**
 * The annotated frames of recent events, for the messages that show them: each read once per
 * event however many channels send it (the first sender reads, the others wait for it), in a short
 * transaction of its own. Only the latest few are kept; a frame is at most 1280 px wide.
 */
@Component
class EventFrames {

    private static final int KEPT = 16;

    private final BlobStore blobs;
    private final TenantTransactions transactions;
    private final Map<UUID, FutureTask<byte[]>> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, FutureTask<byte[]>> eldest) {
            return size() > KEPT;
        }
    };

    EventFrames(BlobStore blobs, TenantTransactions transactions) {
        this.blobs = blobs;
        this.transactions = transactions;
    }

    /** The frame's bytes, or {@code null} when the blob is gone. */
    byte[] frame(UUID organizationId, UUID eventId, UUID blob) {
        FutureTask<byte[]> read;
        boolean first;
        synchronized (recent) {
            read = recent.get(eventId);
            first = read == null;
            if (first) {
                read = new FutureTask<>(() -> transactions.call(organizationId,
                        () -> blobs.read(blob).map(BlobStore.Blob::bytes).orElse(null)));
                recent.put(eventId, read);
            }
        }
        if (first) {
            read.run();
        }
        try {
            return read.get();
        } catch (ExecutionException e) {
            forget(eventId, read);
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("the frame could not be read", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the frame was read", e);
        }
    }

    /** A failed read is not kept, so the delivery's retry reads again. */
    private void forget(UUID eventId, FutureTask<byte[]> failed) {
        synchronized (recent) {
            recent.remove(eventId, failed);
        }
    }
}
