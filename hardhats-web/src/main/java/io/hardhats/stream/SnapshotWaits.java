package io.hardhats.stream;

import java.time.Duration;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Snapshots waiting for a camera's next frame, each holding its request thread: at most
 * {@link StreamLimits#snapshotWaitsPerOrganization()} of an organisation at once, none longer
 * than {@link StreamLimits#snapshotWait()}. A snapshot beyond its organisation's share does not
 * wait: the frame was asked for all the same, so the next snapshot of that camera finds it.
 */
@Component
class SnapshotWaits {

    private final CameraFeeds feeds;
    private final StreamLimits limits;
    private final KeyedCounts<UUID> waiting = new KeyedCounts<>();

    SnapshotWaits(CameraFeeds feeds, StreamLimits limits) {
        this.feeds = feeds;
        this.limits = limits;
    }

    /**
     * The camera's next frame, or null when none comes within {@code expected} (bounded by the
     * limit) or the organisation already has its share of snapshots waiting.
     */
    byte[] next(UUID organizationId, UUID cameraId, Duration expected) throws InterruptedException {
        if (!waiting.tryAdd(organizationId, limits.snapshotWaitsPerOrganization())) {
            return null;
        }
        try {
            return feeds.next(cameraId, expected.compareTo(limits.snapshotWait()) < 0 ? expected : limits.snapshotWait());
        } finally {
            waiting.remove(organizationId);
        }
    }
}
