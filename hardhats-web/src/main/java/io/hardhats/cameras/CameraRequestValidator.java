package io.hardhats.cameras;

import java.util.List;
import java.util.stream.Collectors;

import io.hardhats.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Checks a camera request against the camera it would change, before anything changes, so a
 * refused request changes nothing. Answers what the checks worked out, for the change to use.
 */
@Component
class CameraRequestValidator {

    private final CameraHostGuard hosts;

    CameraRequestValidator(CameraHostGuard hosts) {
        this.hosts = hosts;
    }

    /**
     * What a valid request resolves to.
     *
     * @param rtspUrl the stream address to keep, without credentials
     * @param urlCredentials credentials given inside {@code rtsp_url}, if any
     * @param fieldCredentials whether the username or password field was given
     */
    record Checked(SourceType sourceType, String rtspUrl, RtspUrl urlCredentials, boolean fieldCredentials,
            DetectionMode mode) {
    }

    /** A new camera needs a name and a source type; the rest has defaults. */
    void checkNew(CameraRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw ApiException.invalid("name: must not be blank");
        }
        if (request.sourceType() == null) {
            throw ApiException.invalid("source_type: must be rtsp or file");
        }
    }

    Checked check(Camera camera, CameraRequest request) {
        SourceType sourceType = request.sourceType() != null ? request.sourceType() : camera.getSourceType();
        RtspUrl url = request.rtspUrl() == null || request.rtspUrl().isBlank() ? null : RtspUrl.parse(request.rtspUrl());
        if (url != null) {
            hosts.check(url.host());
        }
        boolean fieldCredentials = request.username() != null || request.password() != null;
        if (url != null && url.hasCredentials() && fieldCredentials) {
            throw ApiException.invalid("give the credentials either in rtsp_url or in username/password, not both");
        }
        String rtspUrl = request.rtspUrl() != null ? (url == null ? null : url.withoutCredentials())
                : camera.getRtspUrl();
        if (sourceType == SourceType.RTSP && rtspUrl == null) {
            throw ApiException.invalid("rtsp_url: is required for an rtsp camera");
        }
        checkSize("inference_width", request.inferenceWidth());
        checkSize("inference_height", request.inferenceHeight());
        checkRange("target_fps", request.targetFps(), AnalysisRate.FPS, " analysed frames per second");
        checkRange("confidence_threshold", request.confidenceThreshold(), ConfidenceThreshold.RANGE, "");
        List<List<Double>> polygon = request.zonePolygon();
        if (polygon != null && !polygon.isEmpty()) {
            checkPolygon(polygon);
        }
        DetectionMode mode = request.detectionMode() != null ? request.detectionMode() : camera.getDetectionMode();
        boolean hasPolygon = polygon != null ? !polygon.isEmpty() : camera.getZonePolygonJson() != null;
        if (mode != DetectionMode.PPE && !hasPolygon) {
            throw ApiException.invalid("zone_polygon: detection_mode " + mode.wire() + " needs a zone polygon");
        }
        if (request.username() != null && request.username().contains(":")) {
            throw ApiException.invalid("username: must not contain ':'");
        }
        return new Checked(sourceType, rtspUrl, url != null && url.hasCredentials() ? url : null, fieldCredentials,
                mode);
    }

    private static void checkRange(String field, Double value, SettingRange range, String unit) {
        if (value != null && !range.allows(value)) {
            throw ApiException.invalid(field + ": must be between " + range.min() + " and " + range.max() + unit);
        }
    }

    private static void checkSize(String field, Integer size) {
        if (size != null && !InferenceSize.isAllowed(size)) {
            String presets = InferenceSize.PRESETS.stream().map(preset -> String.valueOf(preset.size()))
                    .collect(Collectors.joining(", "));
            throw ApiException.invalid(field + ": must be a preset (" + presets + ") or " + InferenceSize.MIN + "–"
                    + InferenceSize.MAX + " in steps of " + InferenceSize.MULTIPLE);
        }
    }

    private static void checkPolygon(List<List<Double>> polygon) {
        if (polygon.size() < 3) {
            throw ApiException.invalid("zone_polygon: needs at least 3 points");
        }
        for (List<Double> point : polygon) {
            if (point == null || point.size() != 2 || point.get(0) == null || point.get(1) == null) {
                throw ApiException.invalid("zone_polygon: every point must be [x, y]");
            }
            for (double v : new double[] {point.get(0), point.get(1)}) {
                if (!(v >= 0.0 && v <= 1.0)) {
                    throw ApiException.invalid("zone_polygon: coordinates must be between 0 and 1 (fractions of the image)");
                }
            }
        }
    }
}
