package io.hardhats.cameras;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.audit.AuditTrail;
import io.hardhats.crypto.CredentialCipher;
import io.hardhats.organizations.OrganizationRepository;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Camera configuration: changes checked by {@link CameraRequestValidator}, credential encryption and plan limits. */
@Service
public class CameraService {

    private static final TypeReference<List<List<Double>>> POLYGON = new TypeReference<>() {
    };

    private final CameraRepository cameras;
    private final OrganizationRepository organizations;
    private final CredentialCipher cipher;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final CameraRequestValidator validator;

    public CameraService(CameraRepository cameras, OrganizationRepository organizations, CredentialCipher cipher,
            AuditTrail audit, JsonMapper json, CameraRequestValidator validator) {
        this.cameras = cameras;
        this.organizations = organizations;
        this.cipher = cipher;
        this.audit = audit;
        this.json = json;
        this.validator = validator;
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
        validator.checkNew(request);
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
        CameraRequestValidator.Checked checked = validator.check(camera, request);
        camera.setSourceType(checked.sourceType());
        if (request.rtspUrl() != null) {
            camera.setRtspUrl(checked.rtspUrl());
        }
        if (checked.urlCredentials() != null) {
            RtspUrl url = checked.urlCredentials();
            camera.setCredentialsEncrypted(cipher.encrypt(url.username() + ":" + url.password()));
        } else if (checked.fieldCredentials()) {
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
        camera.setDetectionMode(checked.mode());
        List<List<Double>> polygon = request.zonePolygon();
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
        return cipher.encrypt(username + ":" + password);
    }
}
