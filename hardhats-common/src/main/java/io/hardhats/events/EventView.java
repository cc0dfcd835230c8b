package io.hardhats.events;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.UUID;

/** @param clipKind how the evidence clip was made, or null while the event has none */
public record EventView(UUID id, UUID cameraId, String eventType, ViolationType violationType, Severity severity,
        double confidence, Box bbox, boolean hasThumbnail, boolean hasFrame, ClipKind clipKind, boolean acknowledged,
        UUID acknowledgedBy, String acknowledgedByName, Instant acknowledgedAt, Instant createdAt) {

    /** Normalised to the frame: x, y of the top-left corner, width, height, all 0–1. */
    @Embeddable
    public record Box(@Column(name = "bbox_x") double x, @Column(name = "bbox_y") double y,
            @Column(name = "bbox_w") double w, @Column(name = "bbox_h") double h) {
    }

    /** A new event, which nobody has acknowledged yet. */
    public static EventView of(Event event) {
        return of(event, null);
    }

    /**
     * @param acknowledgedByName the acknowledger's name, so every role can read who acknowledged
     *        (the user record itself is for admins)
     */
    public static EventView of(Event event, String acknowledgedByName) {
        return new EventView(event.getId(), event.getCameraId(), event.getEventType(), event.getViolationType(),
                event.getSeverity(), event.getConfidence(),
                event.getBbox(),
                event.getThumbnailPath() != null, event.getFrameBlob() != null,
                event.getClipBlob() == null ? null : event.getClipKind(), event.isAcknowledged(),
                event.getAcknowledgedBy(), acknowledgedByName, event.getAcknowledgedAt(), event.getCreatedAt());
    }
}
