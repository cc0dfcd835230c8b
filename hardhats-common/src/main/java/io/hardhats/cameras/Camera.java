package io.hardhats.cameras;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.hardhats.persistence.TenantOwned;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A camera of an organisation. {@code rtspUrl} never holds credentials: they live Fernet-encrypted
 * in {@code credentialsEncrypted} and are put back into the URL only inside a worker.
 */
@Entity
@Table(name = "cameras")
public class Camera extends TenantOwned {

    @Id
    private UUID id;

    private String name;

    private String zone;

    private SourceType sourceType;

    private String rtspUrl;

    private String credentialsEncrypted;

    private UUID placeholderVideo;

    private boolean usePlaceholder;

    private int inferenceWidth;

    private int inferenceHeight;

    private double targetFps;

    @Column(name = "position_x")
    private Double positionX;

    @Column(name = "position_y")
    private Double positionY;

    private DetectionMode detectionMode;

    @Column(name = "zone_polygon", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String zonePolygonJson;

    private double confidenceThreshold;

    @Column(name = "is_active")
    private boolean active;

    private CameraStatus status;

    private Instant lastSeen;

    private String errorMessage;

    /** Written by the worker only: it streams the camera but has no model to analyse it. */
    @Column(insertable = false, updatable = false)
    private boolean noDetector;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    protected Camera() {
    }

    public Camera(String name, SourceType sourceType) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.sourceType = sourceType;
        this.inferenceWidth = InferenceSize.DEFAULT;
        this.inferenceHeight = InferenceSize.DEFAULT;
        this.targetFps = AnalysisRate.FPS.byDefault();
        this.detectionMode = DetectionMode.PPE;
        this.confidenceThreshold = ConfidenceThreshold.RANGE.byDefault();
        this.active = true;
        this.status = CameraStatus.OFFLINE;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.updatedAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public SourceType getSourceType() {
        return sourceType;
    }

    public void setSourceType(SourceType sourceType) {
        this.sourceType = sourceType;
    }

    public String getRtspUrl() {
        return rtspUrl;
    }

    public void setRtspUrl(String rtspUrl) {
        this.rtspUrl = rtspUrl;
    }

    public String getCredentialsEncrypted() {
        return credentialsEncrypted;
    }

    public void setCredentialsEncrypted(String credentialsEncrypted) {
        this.credentialsEncrypted = credentialsEncrypted;
    }

    public UUID getPlaceholderVideo() {
        return placeholderVideo;
    }

    public void setPlaceholderVideo(UUID placeholderVideo) {
        this.placeholderVideo = placeholderVideo;
    }

    public boolean isUsePlaceholder() {
        return usePlaceholder;
    }

    public void setUsePlaceholder(boolean usePlaceholder) {
        this.usePlaceholder = usePlaceholder;
    }

    public int getInferenceWidth() {
        return inferenceWidth;
    }

    public void setInferenceWidth(int inferenceWidth) {
        this.inferenceWidth = inferenceWidth;
    }

    public int getInferenceHeight() {
        return inferenceHeight;
    }

    public void setInferenceHeight(int inferenceHeight) {
        this.inferenceHeight = inferenceHeight;
    }

    public double getTargetFps() {
        return targetFps;
    }

    public void setTargetFps(double targetFps) {
        this.targetFps = targetFps;
    }

    public Double getPositionX() {
        return positionX;
    }

    public void setPositionX(Double positionX) {
        this.positionX = positionX;
    }

    public Double getPositionY() {
        return positionY;
    }

    public void setPositionY(Double positionY) {
        this.positionY = positionY;
    }

    public DetectionMode getDetectionMode() {
        return detectionMode;
    }

    public void setDetectionMode(DetectionMode detectionMode) {
        this.detectionMode = detectionMode;
    }

    public String getZonePolygonJson() {
        return zonePolygonJson;
    }

    public void setZonePolygonJson(String zonePolygonJson) {
        this.zonePolygonJson = zonePolygonJson;
    }

    public double getConfidenceThreshold() {
        return confidenceThreshold;
    }

    public void setConfidenceThreshold(double confidenceThreshold) {
        this.confidenceThreshold = confidenceThreshold;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public CameraStatus getStatus() {
        return status;
    }

    public void setStatus(CameraStatus status) {
        this.status = status;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public boolean isNoDetector() {
        return noDetector;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch() {
        this.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
