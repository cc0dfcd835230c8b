package io.hardhats.events;

import java.time.Instant;
import java.util.UUID;

/** @param clipKind how the evidence clip was made, or null while the event has none */
public record EventView(UUID id, UUID cameraId, String eventType, ViolationType violationType, Severity severity,
        double confidence, Box bbox, boolean hasThumbnail, boolean hasFrame, ClipKind clipKind, boolean acknowledged,
        UUID acknowledgedBy, Instant acknowledgedAt, Instant createdAt) {

    /** Normalised to the frame: x, y of the top-left corner, width, height, all 0–1. */
    public record Box(double x, double y, double w, double h) {
    }

    public static EventView of(Event event) {
        return new EventView(event.getId(), event.getCameraId(), event.getEventType(), event.getViolationType(),
                event.getSeverity(), event.getConfidence(),
                new Box(event.getBboxX(), event.getBboxY(), event.getBboxW(), event.getBboxH()),
                event.getThumbnailPath() != null, event.getFrameBlob() != null,
                event.getClipBlob() == null ? null : event.getClipKind(), event.isAcknowledged(),
                event.getAcknowledgedBy(), event.getAcknowledgedAt(), event.getCreatedAt());
    }
}
