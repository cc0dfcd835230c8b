package io.hardhats.organizations;

import java.util.Map;

import io.hardhats.audit.AuditAction;
import io.hardhats.audit.AuditTrail;
import io.hardhats.storage.StorageMeter;
import io.hardhats.storage.StorageUsage;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.web.ApiException;
import io.hardhats.web.Patch;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's own organisation: reading it, its storage, and changing it within
 * {@link OrganizationRules}. Privacy mode goes off only when the admin confirms it; every privacy
 * mode change has its own audit row, and the workers apply it to running cameras without
 * reconnecting them.
 */
@Service
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final OrganizationRules rules;
    private final OrganizationViews views;
    private final AuditTrail audit;
    private final StorageMeter storage;

    public OrganizationService(OrganizationRepository organizations, OrganizationRules rules,
            OrganizationViews views, AuditTrail audit, StorageMeter storage) {
        this.organizations = organizations;
        this.rules = rules;
        this.views = views;
        this.audit = audit;
        this.storage = storage;
    }

    @Transactional(readOnly = true)
    public OrganizationView get() {
        Organization organization = organizations.findById(TenantContext.requireOrganization())
                .orElseThrow(() -> ApiException.notFound("organization"));
        return views.of(organization);
    }

    public StorageUsage storage() {
        return storage.usage(TenantContext.requireOrganization());
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
        Patch.ifGiven(request.maxCameras(), max -> organization.setMaxCameras(rules.checkedMaxCameras(max)));
        Patch.ifGiven(request.maxUsers(), max -> organization.setMaxUsers(rules.checkedMaxUsers(max)));
        Patch.ifGiven(request.retentionDays(), days -> organization.setRetentionDays(rules.checkedRetentionDays(days)));
        Patch.ifGiven(request.name(), name -> organization.setName(name.trim()));
        Patch.ifGiven(request.settings(), settings -> organization.setSettingsJson(rules.checkedSettings(settings)));
        Patch.ifGiven(request.timeZone(), zone -> organization.setTimeZone(rules.checkedTimeZone(zone)));
        audit.record(AuditAction.ORGANIZATION_UPDATE, "organization", organization.getId(),
                Map.of("fields", request.changedFields()));
        return views.of(organization);
    }

    private void changePrivacyMode(Organization organization, OrganizationUpdate request) {
        boolean on = request.privacyMode();
        if (!on && !Boolean.TRUE.equals(request.confirmPrivacyOff())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "confirmation_required",
                    "turning privacy mode off shows and stores faces unblurred: send confirm_privacy_off: true with it");
        }
        organization.setPrivacyMode(on);
        audit.record(on ? AuditAction.PRIVACY_MODE_ON : AuditAction.PRIVACY_MODE_OFF, "organization", organization.getId(),
                Map.of("privacy_mode", on));
    }
}
