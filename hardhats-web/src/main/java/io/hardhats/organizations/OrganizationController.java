package io.hardhats.organizations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.hardhats.audit.AuditTrail;
import io.hardhats.cameras.CameraRepository;
import io.hardhats.config.HardhatsProperties;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.users.UserRepository;
import io.hardhats.web.ApiException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The caller's own organisation: admins and managers read it, admins change it. */
@RestController
@RequestMapping("/api/v1/organization")
public class OrganizationController {

    /** Fields left out (null) stay as they are. The plan is set by the operator of the service. */
    public record Update(
            @Size(min = 1, max = 200) String name,
            @Min(1) Integer maxCameras,
            @Min(1) @Max(10_000) Integer maxUsers,
            Map<String, Object> settings) {
    }

    private final OrganizationRepository organizations;
    private final CameraRepository cameras;
    private final UserRepository users;
    private final AuditTrail audit;
    private final HardhatsProperties properties;
    private final JsonMapper json;

    public OrganizationController(OrganizationRepository organizations, CameraRepository cameras,
            UserRepository users, AuditTrail audit, HardhatsProperties properties, JsonMapper json) {
        this.organizations = organizations;
        this.cameras = cameras;
        this.users = users;
        this.audit = audit;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public OrganizationView get() {
        return OrganizationView.of(current(), json);
    }

    @PutMapping
    @Transactional
    public OrganizationView update(@Valid @RequestBody Update request) {
        // Locked like every camera or user creation, so a limit is never lowered below a count
        // that a concurrent creation is about to raise.
        Organization organization = organizations.lockById(TenantContext.requireOrganization())
                .orElseThrow(() -> ApiException.notFound("organization"));
        if (request.maxCameras() != null) {
            if (request.maxCameras() > properties.maxCamerasPerOrg()) {
                throw ApiException.invalid("max_cameras: this service allows at most "
                        + properties.maxCamerasPerOrg() + " cameras per organisation");
            }
            if (request.maxCameras() < cameras.count()) {
                throw ApiException.conflict("plan_limit", "max_cameras is below the number of cameras you have");
            }
            organization.setMaxCameras(request.maxCameras());
        }
        if (request.maxUsers() != null) {
            if (request.maxUsers() < users.count()) {
                throw ApiException.conflict("plan_limit", "max_users is below the number of users you have");
            }
            organization.setMaxUsers(request.maxUsers());
        }
        if (request.name() != null) {
            organization.setName(request.name().trim());
        }
        if (request.settings() != null) {
            String settings = json.writeValueAsString(request.settings());
            if (settings.length() > 16 * 1024) {
                throw ApiException.invalid("settings: must be at most 16 KiB of JSON");
            }
            organization.setSettingsJson(settings);
        }
        audit.record("organization_update", "organization", organization.getId(),
                Map.of("fields", changedFields(request)));
        return OrganizationView.of(organization, json);
    }

    private Organization current() {
        return organizations.findById(TenantContext.requireOrganization())
                .orElseThrow(() -> ApiException.notFound("organization"));
    }

    private static List<String> changedFields(Update request) {
        List<String> fields = new ArrayList<>();
        if (request.name() != null) {
            fields.add("name");
        }
        if (request.maxCameras() != null) {
            fields.add("max_cameras");
        }
        if (request.maxUsers() != null) {
            fields.add("max_users");
        }
        if (request.settings() != null) {
            fields.add("settings");
        }
        return fields;
    }
}
