package io.hardhats.organizations;

import java.util.Map;
import java.util.UUID;

import io.hardhats.audit.AuditTrail;
import io.hardhats.cameras.CameraRepository;
import io.hardhats.config.HardhatsProperties;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.users.EmailTaken;
import io.hardhats.users.User;
import io.hardhats.users.UserRepository;
import io.hardhats.web.ApiException;
import io.hardhats.web.Patch;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's own organisation and the rules of changing it: the plan limits may not exceed what
 * the service allows nor fall below what the organisation already has, and privacy mode goes off
 * only when the admin confirms it. Every privacy mode change has its own audit row; the workers
 * apply it to running cameras without reconnecting them.
 */
@Service
public class OrganizationService {

    private static final int MAX_SETTINGS_KIB = 16;

    /** A registered organisation and its first admin. */
    public record Founded(Organization organization, User admin) {
    }

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
        if (request.privacyMode() != null && request.privacyMode() != organization.isPrivacyMode()) {
            changePrivacyMode(organization, request);
        }
        Patch.ifGiven(request.maxCameras(), max -> organization.setMaxCameras(checkedMaxCameras(max)));
        Patch.ifGiven(request.maxUsers(), max -> organization.setMaxUsers(checkedMaxUsers(max)));
        Patch.ifGiven(request.name(), name -> organization.setName(name.trim()));
        Patch.ifGiven(request.settings(), settings -> organization.setSettingsJson(checkedSettings(settings)));
        audit.record("organization_update", "organization", organization.getId(),
                Map.of("fields", request.changedFields()));
        return OrganizationView.of(organization, json);
    }

    /**
     * A new organisation, with the plan limits this service allows, and its first admin; called in a
     * transaction of the new organisation, so a slug or e-mail taken meanwhile leaves nothing behind.
     */
    @Transactional
    public Founded found(String name, String slug, User admin) {
        UUID id = TenantContext.requireOrganization();
        Organization organization = organizations.saveAndFlush(new Organization(id, name, slug,
                properties.maxCamerasPerOrg(), properties.maxUsersPerOrg()));
        User saved = EmailTaken.unlessUnique(() -> users.saveAndFlush(admin));
        audit.record(saved.getId(), "register", "organization", id, Map.of("slug", slug));
        return new Founded(organization, saved);
    }

    /** A slug no organisation has yet, checked across all of them; randomised after a collision. */
    public String freeSlug(String name, boolean randomised) {
        return TenantContext.callAsSystem(() -> randomised ? SlugMaker.randomised(name, organizations::existsBySlug)
                : SlugMaker.unique(name, organizations::existsBySlug));
    }

    private void changePrivacyMode(Organization organization, OrganizationUpdate request) {
        boolean on = request.privacyMode();
        if (!on && !Boolean.TRUE.equals(request.confirmPrivacyOff())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "confirmation_required",
                    "turning privacy mode off shows and stores faces unblurred: send confirm_privacy_off: true with it");
        }
        organization.setPrivacyMode(on);
        audit.record(on ? "privacy_mode_on" : "privacy_mode_off", "organization", organization.getId(),
                Map.of("privacy_mode", on));
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

    private String checkedSettings(Map<String, Object> settings) {
        String settingsJson = json.writeValueAsString(settings);
        if (settingsJson.length() > MAX_SETTINGS_KIB * 1024) {
            throw ApiException.invalid("settings: must be at most " + MAX_SETTINGS_KIB + " KiB of JSON");
        }
        return settingsJson;
    }
}
