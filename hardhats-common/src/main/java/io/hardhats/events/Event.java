package io.hardhats.events;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

import io.hardhats.persistence.TenantOwned;

/** One violation seen by a camera. The bounding box is in normalised image coordinates (0–1). */
@Entity
@Table(name = "events")
public class Event extends TenantOwned {

    @Id
    private UUID id;

    private UUID cameraId;

    private String eventType;

    private ViolationType violationType;

    private Severity severity;

    private double confidence;

    @Embedded
    private EventView.Box bbox;

    private String thumbnailPath;

    private UUID frameBlob;

    @Column(name = "clip_blob", updatable = false, insertable = false)
    private UUID clipBlob;

    @Column(name = "clip_kind", updatable = false, insertable = false)
    private ClipKind clipKind;

    private boolean acknowledged;

    private UUID acknowledgedBy;

    private Instant acknowledgedAt;

    @Column(updatable = false)
    private Instant createdAt;

    /** The order in which events were recorded (the database draws it), which live streams resume by. */
    @Column(insertable = false, updatable = false)
    private Long seq;

    protected Event() {
    }

    public Event(UUID cameraId, ViolationType violationType, Severity severity, double confidence,
            double[] bbox, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.cameraId = cameraId;
        this.eventType = "violation";
        this.violationType = violationType;
        this.severity = severity;
        this.confidence = confidence;
        this.bbox = new EventView.Box(bbox[0], bbox[1], bbox[2], bbox[3]);
        this.createdAt = createdAt;
    }

    public void acknowledge(UUID userId, Instant at) {
        this.acknowledged = true;
        this.acknowledgedBy = userId;
        this.acknowledgedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCameraId() {
        return cameraId;
    }

    public String getEventType() {
        return eventType;
    }

    public ViolationType getViolationType() {
        return violationType;
    }

    public Severity getSeverity() {
        return severity;
    }

    public double getConfidence() {
        return confidence;
    }

    public EventView.Box getBbox() {
        return bbox;
    }

    public String getThumbnailPath() {
        return thumbnailPath;
    }

    public void setThumbnailPath(String thumbnailPath) {
        this.thumbnailPath = thumbnailPath;
    }

    /** The annotated frame of the moment, or null for events recorded before frames were kept. */
    public UUID getFrameBlob() {
        return frameBlob;
    }

    public void setFrameBlob(UUID frameBlob) {
        this.frameBlob = frameBlob;
    }

    /** The evidence clip, written by the worker after the event (null until then, or when none could be made). */
    public UUID getClipBlob() {
        return clipBlob;
    }

    public ClipKind getClipKind() {
        return clipKind;
    }

    public boolean isAcknowledged() {
        return acknowledged;
    }

    public UUID getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getSeq() {
        return seq;
    }
}
