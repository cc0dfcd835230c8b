package io.hardhats.cameras;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A camera to create, or the fields of one to change (null = unchanged). {@code username} and
 * {@code password} are write-only; credentials may instead come as the URL's user info. Inference
 * size, analysis rate and confidence are checked by {@link CameraService} against their one home
 * in the {@code cameras} package ({@link InferenceSize}, {@link AnalysisRate}, {@link ConfidenceThreshold}).
 */
public record CameraRequest(
        @Size(min = 1, max = 120) String name,
        @Size(max = 120) String zone,
        SourceType sourceType,
        @Size(max = 2048) String rtspUrl,
        @Size(max = 256) String username,
        @Size(max = 256) String password,
        Boolean usePlaceholder,
        Integer inferenceWidth,
        Integer inferenceHeight,
        Double targetFps,
        @DecimalMin("0.0") @DecimalMax("1.0") Double positionX,
        @DecimalMin("0.0") @DecimalMax("1.0") Double positionY,
        DetectionMode detectionMode,
        @Size(max = 100) List<List<Double>> zonePolygon,
        Double confidenceThreshold,
        Boolean isActive) {

    @Override
    public String toString() {
        return "CameraRequest[" + name + "]";
    }
}
