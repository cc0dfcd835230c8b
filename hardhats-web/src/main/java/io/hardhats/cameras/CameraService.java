package io.hardhats.cameras;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.hardhats.audit.AuditTrail;
import io.hardhats.crypto.CredentialCipher;
import io.hardhats.organizations.OrganizationRepository;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Camera configuration: validation, credential encryption and plan limits. */
@Service
public class CameraService {

    private static final TypeReference<List<List<Double>>> POLYGON = new TypeReference<>() {
    };

    private final CameraRepository cameras;
    private final OrganizationRepository organizations;
    private final CredentialCipher cipher;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final CameraHostGuard hosts;

    public CameraService(CameraRepository cameras, OrganizationRepository organizations, CredentialCipher cipher,
            AuditTrail audit, JsonMapper json, CameraHostGuard hosts) {
        this.cameras = cameras;
        this.organizations = organizations;
        this.cipher = cipher;
        this.audit = audit;
        this.json = json;
        this.hosts = hosts;
    }

    @Transactional(readOnly = true)
    public List<CameraView> list() {
        return cameras.findAllByOrderByCreatedAtAsc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public CameraView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public CameraView create(CameraRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw ApiException.invalid("name: must not be blank");
        }
        if (request.sourceType() == null) {
            throw ApiException.invalid("source_type: must be rtsp or file");
        }
        // Validated before the plan is checked, so a bad request says what is wrong with it (422), and
        // the host lookup it may need happens outside the organisation's lock.
        Camera camera = new Camera(request.name().trim(), request.sourceType());
        apply(camera, request);
        // Locked, so concurrent creations count one after another and never exceed the plan.
        int maxCameras = organizations.lockById(TenantContext.requireOrganization()).orElseThrow().getMaxCameras();
        if (cameras.count() >= maxCameras) {
            throw ApiException.conflict("plan_limit", "this organisation may have at most " + maxCameras + " cameras");
        }
        cameras.save(camera);
        audit.record("camera_create", "camera", camera.getId(), Map.of("name", camera.getName()));
        return view(camera);
    }

    /**
     * The camera a create request describes, validated as create validates it (host policy
     * included) but neither saved nor counted against the plan: what "test connection" opens
     * before the form is saved.
     */
    @Transactional(readOnly = true)
    public Camera draft(CameraRequest request) {
        if (request.sourceType() == null) {
            throw ApiException.invalid("source_type: must be rtsp or file");
        }
        String name = request.name() == null || request.name().isBlank() ? "unsaved camera" : request.name().trim();
        Camera camera = new Camera(name, request.sourceType());
        apply(camera, request);
        return camera;
    }

    @Transactional
    public CameraView update(UUID id, CameraRequest request) {
        Camera camera = find(id);
        apply(camera, request);
        camera.touch();
        audit.record("camera_update", "camera", camera.getId(), Map.of("name", camera.getName()));
        return view(camera);
    }

    @Transactional
    public void delete(UUID id) {
        Camera camera = find(id);
        cameras.delete(camera);
        audit.record("camera_delete", "camera", id, Map.of("name", camera.getName()));
    }

    private Camera find(UUID id) {
        return cameras.findById(id).orElseThrow(() -> ApiException.notFound("camera"));
    }

    CameraView view(Camera camera) {
        List<List<Double>> polygon = camera.getZonePolygonJson() == null ? null
                : json.readValue(camera.getZonePolygonJson(), POLYGON);
        return CameraView.of(camera, polygon);
    }

    /** Validates everything first, then changes the camera, so a refused request changes nothing. */
    private void apply(Camera camera, CameraRequest request) {
        SourceType sourceType = request.sourceType() != null ? request.sourceType() : camera.getSourceType();
        RtspUrl url = request.rtspUrl() == null || request.rtspUrl().isBlank() ? null : RtspUrl.parse(request.rtspUrl());
        if (url != null) {
            hosts.check(url.host());
        }
        boolean fieldCredentials = request.username() != null || request.password() != null;
        if (url != null && url.hasCredentials() && fieldCredentials) {
            throw ApiException.invalid("give the credentials either in rtsp_url or in username/password, not both");
        }
        String existingUrl = request.rtspUrl() != null ? (url == null ? null : url.withoutCredentials())
                : camera.getRtspUrl();
        if (sourceType == SourceType.RTSP && existingUrl == null) {
            throw ApiException.invalid("rtsp_url: is required for an rtsp camera");
        }
        checkSize("inference_width", request.inferenceWidth());
        checkSize("inference_height", request.inferenceHeight());
        if (request.targetFps() != null && !AnalysisRate.isAllowed(request.targetFps())) {
            throw ApiException.invalid("target_fps: must be between " + AnalysisRate.MIN_FPS + " and "
                    + AnalysisRate.MAX_FPS + " analysed frames per second");
        }
        if (request.confidenceThreshold() != null && !ConfidenceThreshold.isAllowed(request.confidenceThreshold())) {
            throw ApiException.invalid("confidence_threshold: must be between " + ConfidenceThreshold.MIN + " and "
                    + ConfidenceThreshold.MAX);
        }
        List<List<Double>> polygon = request.zonePolygon();
        if (polygon != null && !polygon.isEmpty()) {
            checkPolygon(polygon);
        }
        DetectionMode mode = request.detectionMode() != null ? request.detectionMode() : camera.getDetectionMode();
        boolean hasPolygon = polygon != null ? !polygon.isEmpty() : camera.getZonePolygonJson() != null;
        if (mode != DetectionMode.PPE && !hasPolygon) {
            throw ApiException.invalid("zone_polygon: detection_mode " + mode.wire() + " needs a zone polygon");
        }

        camera.setSourceType(sourceType);
        if (request.rtspUrl() != null) {
            camera.setRtspUrl(existingUrl);
        }
        if (url != null && url.hasCredentials()) {
            camera.setCredentialsEncrypted(cipher.encrypt(url.username() + ":" + url.password()));
        } else if (fieldCredentials) {
            camera.setCredentialsEncrypted(mergeCredentials(camera.getCredentialsEncrypted(), request));
        }
        if (request.name() != null) {
            camera.setName(request.name().trim());
        }
        if (request.zone() != null) {
            camera.setZone(request.zone().isBlank() ? null : request.zone().trim());
        }
        if (request.usePlaceholder() != null) {
            camera.setUsePlaceholder(request.usePlaceholder());
        }
        if (request.inferenceWidth() != null) {
            camera.setInferenceWidth(request.inferenceWidth());
        }
        if (request.inferenceHeight() != null) {
            camera.setInferenceHeight(request.inferenceHeight());
        }
        if (request.targetFps() != null) {
            camera.setTargetFps(request.targetFps());
        }
        if (request.positionX() != null) {
            camera.setPositionX(request.positionX());
        }
        if (request.positionY() != null) {
            camera.setPositionY(request.positionY());
        }
        camera.setDetectionMode(mode);
        if (polygon != null) {
            camera.setZonePolygonJson(polygon.isEmpty() ? null : json.writeValueAsString(polygon));
        }
        if (request.confidenceThreshold() != null) {
            camera.setConfidenceThreshold(request.confidenceThreshold());
        }
        if (request.isActive() != null) {
            camera.setActive(request.isActive());
        }
    }

    /**
     * Username and password fields replace the stored pair; one of them alone keeps the other.
     * An empty username removes the credentials.
     */
    private String mergeCredentials(String encrypted, CameraRequest request) {
        String username = "";
        String password = "";
        if (encrypted != null) {
            String stored = cipher.decrypt(encrypted);
            int colon = stored.indexOf(':');
            username = colon < 0 ? stored : stored.substring(0, colon);
            password = colon < 0 ? "" : stored.substring(colon + 1);
        }
        if (request.username() != null) {
            username = request.username();
        }
        if (request.password() != null) {
            password = request.password();
        }
        if (username.isEmpty()) {
            return null;
        }
        if (username.contains(":")) {
            throw ApiException.invalid("username: must not contain ':'");
        }
        return cipher.encrypt(username + ":" + password);
    }

    private static void checkSize(String field, Integer size) {
        if (size != null && !InferenceSize.isAllowed(size)) {
            String presets = InferenceSize.PRESETS.stream().map(String::valueOf).collect(Collectors.joining(", "));
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
