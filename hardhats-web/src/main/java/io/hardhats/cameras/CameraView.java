package io.hardhats.cameras;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A camera as the API shows it: whether it has credentials, never the credentials. */
public record CameraView(UUID id, String name, String zone, SourceType sourceType, String rtspUrl,
        boolean hasCredentials, boolean hasPlaceholderVideo, boolean usePlaceholder, int inferenceWidth,
        int inferenceHeight, double targetFps, Double positionX, Double positionY, DetectionMode detectionMode,
        List<List<Double>> zonePolygon, double confidenceThreshold, boolean isActive, CameraStatus status, boolean online,
        Instant lastSeen, String errorMessage, boolean noDetector, Instant createdAt, Instant updatedAt) {

    public static CameraView of(Camera camera, List<List<Double>> zonePolygon) {
        return new CameraView(camera.getId(), camera.getName(), camera.getZone(), camera.getSourceType(),
                camera.getRtspUrl(), camera.getCredentialsEncrypted() != null, camera.getPlaceholderVideo() != null,
                camera.isUsePlaceholder(), camera.getInferenceWidth(), camera.getInferenceHeight(),
                camera.getTargetFps(), camera.getPositionX(), camera.getPositionY(), camera.getDetectionMode(),
                zonePolygon, camera.getConfidenceThreshold(), camera.isActive(), camera.getStatus(),
                camera.getStatus() != null && camera.getStatus().isOnline(),
                camera.getLastSeen(), camera.getErrorMessage(), camera.isNoDetector(), camera.getCreatedAt(), camera.getUpdatedAt());
    }
}
