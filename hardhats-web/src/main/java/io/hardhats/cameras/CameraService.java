package io.hardhats.cameras;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.audit.AuditAction;
import io.hardhats.audit.AuditTrail;
import io.hardhats.organizations.OrganizationRepository;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Camera configuration: creating, changing and deleting cameras within the plan limits, audited. */
@Service
public class CameraService {

    private static final TypeReference<List<List<Double>>> POLYGON = new TypeReference<>() {
    };

    private final CameraRepository cameras;
    private final OrganizationRepository organizations;
    private final CameraEditor editor;
    private final AuditTrail audit;
    private final JsonMapper json;

    public CameraService(CameraRepository cameras, OrganizationRepository organizations, CameraEditor editor,
            AuditTrail audit, JsonMapper json) {
        this.cameras = cameras;
        this.organizations = organizations;
        this.editor = editor;
        this.audit = audit;
        this.json = json;
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
        editor.checkNew(request);
        // Validated before the plan is checked, so a bad request says what is wrong with it (422), and
        // the host lookup it may need happens outside the organisation's lock.
        Camera camera = new Camera(request.name().trim(), request.sourceType());
        editor.apply(camera, request);
        // Locked, so concurrent creations count one after another and never exceed the plan.
        int maxCameras = organizations.lockById(TenantContext.requireOrganization()).orElseThrow().getMaxCameras();
        if (cameras.count() >= maxCameras) {
            throw ApiException.conflict("plan_limit", "this organisation may have at most " + maxCameras + " cameras");
        }
        cameras.save(camera);
        audit.record(AuditAction.CAMERA_CREATE, "camera", camera.getId(), Map.of("name", camera.getName()));
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
        editor.apply(camera, request);
        return camera;
    }

    @Transactional
    public CameraView update(UUID id, CameraRequest request) {
        Camera camera = find(id);
        editor.apply(camera, request);
        camera.touch();
        audit.record(AuditAction.CAMERA_UPDATE, "camera", camera.getId(), Map.of("name", camera.getName()));
        return view(camera);
    }

    @Transactional
    public void delete(UUID id) {
        Camera camera = find(id);
        cameras.delete(camera);
        audit.record(AuditAction.CAMERA_DELETE, "camera", id, Map.of("name", camera.getName()));
    }

    private Camera find(UUID id) {
        return cameras.findById(id).orElseThrow(() -> ApiException.notFound("camera"));
    }

    CameraView view(Camera camera) {
        List<List<Double>> polygon = camera.getZonePolygonJson() == null ? null
                : json.readValue(camera.getZonePolygonJson(), POLYGON);
        return CameraView.of(camera, polygon);
    }
}
