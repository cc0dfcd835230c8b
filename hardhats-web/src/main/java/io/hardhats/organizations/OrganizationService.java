package io.hardhats.organizations;

import java.util.Map;

import io.hardhats.audit.AuditTrail;
import io.hardhats.storage.StorageMeter;
import io.hardhats.storage.StorageUsage;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's own organisation: reading it, its storage, and changing it within {@link OrganizationRules}. */
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
        if (request.maxCameras() != null) {
            organization.setMaxCameras(rules.checkedMaxCameras(request.maxCameras()));
        }
        if (request.maxUsers() != null) {
            organization.setMaxUsers(rules.checkedMaxUsers(request.maxUsers()));
        }
        if (request.retentionDays() != null) {
            organization.setRetentionDays(rules.checkedRetentionDays(request.retentionDays()));
        }
        if (request.name() != null) {
            organization.setName(request.name().trim());
        }
        if (request.settings() != null) {
            organization.setSettingsJson(rules.checkedSettings(request.settings()));
        }
        audit.record("organization_update", "organization", organization.getId(),
                Map.of("fields", request.changedFields()));
        return views.of(organization);
    }
}
