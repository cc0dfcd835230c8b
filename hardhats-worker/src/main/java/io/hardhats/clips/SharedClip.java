package io.hardhats.clips;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One clip of a camera while it is gathered: its video, and the events it is for. A violation
 * within the clip's span joins it until its writer starts, so violations close together share
 * one clip (one blob) instead of each holding, writing and storing its own.
 */
final class SharedClip {

    private final UUID organizationId;
    private final CameraClips.Material material;
    private final Instant end;
    private final List<UUID> events = new ArrayList<>();
    private boolean started;

    SharedClip(UUID organizationId, CameraClips.Material material, Instant end, UUID firstEvent) {
        this.organizationId = organizationId;
        this.material = material;
        this.end = end;
        this.events.add(firstEvent);
    }

    /** @return whether the event at {@code at} shares this clip: its moment is inside and the clip is not being written yet */
    synchronized boolean join(UUID eventId, Instant at) {
        if (started || at.isAfter(end)) {
            return false;
        }
        events.add(eventId);
        return true;
    }

    /** The writer starts: no more events join; these are the ones it is for. */
    synchronized List<UUID> start() {
        started = true;
        return List.copyOf(events);
    }

    UUID organizationId() {
        return organizationId;
    }

    CameraClips.Material material() {
        return material;
    }

    Instant end() {
        return end;
    }
}
