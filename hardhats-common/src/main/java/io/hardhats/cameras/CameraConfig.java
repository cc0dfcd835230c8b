package io.hardhats.cameras;

import java.time.Instant;
import java.util.UUID;

/**
 * What the pipeline needs to run one camera, read when it starts and when its settings change. {@code credentialsEncrypted}
 * stays encrypted here; the pipeline decrypts it only when it connects, and never logs it.
 * {@code privacyMode} is the organisation's: heads are blurred before a frame leaves the worker.
 */
public record CameraConfig(
        UUID id,
        UUID organizationId,
        String name,
        String zone,
        SourceType sourceType,
        String rtspUrl,
        String credentialsEncrypted,
        UUID placeholderVideo,
        boolean usePlaceholder,
        int inferenceWidth,
        int inferenceHeight,
        double targetFps,
        DetectionMode detectionMode,
        String zonePolygonJson,
        double confidenceThreshold,
        boolean active,
        boolean privacyMode,
        Instant updatedAt) {

    @Override
    public String toString() {
        // Never print the credentials, even encrypted.
        return "CameraConfig[id=" + id + ", organizationId=" + organizationId + ", sourceType=" + sourceType
                + ", inference=" + inferenceWidth + "x" + inferenceHeight + ", targetFps=" + targetFps
                + ", detectionMode=" + detectionMode + ", active=" + active + ", privacyMode=" + privacyMode + "]";
    }
}
