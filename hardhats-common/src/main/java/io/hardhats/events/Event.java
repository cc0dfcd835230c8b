package io.hardhats.events;

import jakarta.persistence.Column;
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

    @Column(name = "camera_id")
    private UUID cameraId;

    @Column(name = "event_type")
    private String eventType;

    @Column(name = "violation_type")
    private ViolationType violationType;

    private Severity severity;

    private double confidence;

    @Column(name = "bbox_x")
    private double bboxX;

    @Column(name = "bbox_y")
    private double bboxY;

    @Column(name = "bbox_w")
    private double bboxW;

    @Column(name = "bbox_h")
    private double bboxH;

    @Column(name = "thumbnail_path")
    private String thumbnailPath;

    @Column(name = "frame_blob")
    private UUID frameBlob;

    @Column(name = "clip_blob", updatable = false, insertable = false)
    private UUID clipBlob;

    @Column(name = "clip_kind", updatable = false, insertable = false)
    private ClipKind clipKind;

    private boolean acknowledged;

    @Column(name = "acknowledged_by")
    private UUID acknowledgedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    /** The order in which events were recorded (the database draws it), which live streams resume by. */
    @Column(name = "seq", insertable = false, updatable = false)
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
        this.bboxX = bbox[0];
        this.bboxY = bbox[1];
        this.bboxW = bbox[2];
        this.bboxH = bbox[3];
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

    public double getBboxX() {
        return bboxX;
    }

    public double getBboxY() {
        return bboxY;
    }

    public double getBboxW() {
        return bboxW;
    }

    public double getBboxH() {
        return bboxH;
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
