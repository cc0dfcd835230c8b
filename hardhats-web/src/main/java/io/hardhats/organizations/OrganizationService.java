package io.hardhats.organizations;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

import io.hardhats.audit.AuditTrail;
import io.hardhats.cameras.CameraRepository;
import io.hardhats.config.HardhatsProperties;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.users.UserRepository;
import io.hardhats.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's own organisation and the rules of changing it: the plan limits may not exceed what
 * the service allows nor fall below what the organisation already has.
 */
@Service
public class OrganizationService {

    private static final int MAX_SETTINGS_KIB = 16;

    private final OrganizationRepository organizations;
    private final CameraRepository cameras;
    private final UserRepository users;
    private final AuditTrail audit;
    private final HardhatsProperties properties;
    private final JsonMapper json;

    public OrganizationService(OrganizationRepository organizations, CameraRepository cameras,
            UserRepository users, AuditTrail audit, HardhatsProperties properties, JsonMapper json) {
        this.organizations = organizations;
        this.cameras = cameras;
        this.users = users;
        this.audit = audit;
        this.properties = properties;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public OrganizationView get() {
        Organization organization = organizations.findById(TenantContext.requireOrganization())
                .orElseThrow(() -> ApiException.notFound("organization"));
        return OrganizationView.of(organization, json);
    }

    @Transactional
    public OrganizationView update(OrganizationUpdate request) {
        // Locked like every camera or user creation, so a limit is never lowered below a count
        // that a concurrent creation is about to raise.
        Organization organization = organizations.lockById(TenantContext.requireOrganization())
                .orElseThrow(() -> ApiException.notFound("organization"));
        if (request.maxCameras() != null) {
            organization.setMaxCameras(checkedMaxCameras(request.maxCameras()));
        }
        if (request.maxUsers() != null) {
            organization.setMaxUsers(checkedMaxUsers(request.maxUsers()));
        }
        if (request.name() != null) {
            organization.setName(request.name().trim());
        }
        if (request.settings() != null) {
            organization.setSettingsJson(checkedSettings(request.settings()));
        }
        if (request.timeZone() != null) {
            organization.setTimeZone(checkedTimeZone(request.timeZone()));
        }
        audit.record("organization_update", "organization", organization.getId(),
                Map.of("fields", request.changedFields()));
        return OrganizationView.of(organization, json);
    }

    private int checkedMaxCameras(int maxCameras) {
        if (maxCameras > properties.maxCamerasPerOrg()) {
            throw ApiException.invalid("max_cameras: this service allows at most "
                    + properties.maxCamerasPerOrg() + " cameras per organisation");
        }
        if (maxCameras < cameras.count()) {
            throw ApiException.conflict("plan_limit", "max_cameras is below the number of cameras you have");
        }
        return maxCameras;
    }

    private int checkedMaxUsers(int maxUsers) {
        if (maxUsers < users.count()) {
            throw ApiException.conflict("plan_limit", "max_users is below the number of users you have");
        }
        return maxUsers;
    }

    /** A zone id as Java spells it (Europe/Berlin, UTC), so it reads back the same in every process. */
    private static String checkedTimeZone(String timeZone) {
        try {
            ZoneId zone = ZoneId.of(timeZone);
            if (zone.getId().equals(timeZone)) {
                return timeZone;
            }
        } catch (DateTimeException e) {
            // answered below
        }
        throw ApiException.invalid("time_zone: must be a time zone such as Europe/Berlin or UTC");
    }

    private String checkedSettings(Map<String, Object> settings) {
        String settingsJson = json.writeValueAsString(settings);
        if (settingsJson.length() > MAX_SETTINGS_KIB * 1024) {
            throw ApiException.invalid("settings: must be at most " + MAX_SETTINGS_KIB + " KiB of JSON");
        }
        return settingsJson;
    }
}
