package io.hardhats.organizations;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * @param retentionDays the period in force: the organisation's choice or the plan's default
 * @param maxStorageBytes the plan's storage limit for the organisation
 */
public record OrganizationView(UUID id, String name, String slug, String plan, int maxCameras, int maxUsers,
        int retentionDays, long maxStorageBytes, Map<String, Object> settings, boolean privacyMode,
        String timeZone, Instant createdAt) {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    static OrganizationView of(Organization organization, JsonMapper json, int retentionDays, long maxStorageBytes) {
        return new OrganizationView(organization.getId(), organization.getName(), organization.getSlug(),
                organization.getPlan(), organization.getMaxCameras(), organization.getMaxUsers(), retentionDays,
                maxStorageBytes, json.readValue(organization.getSettingsJson(), MAP), organization.isPrivacyMode(),
                organization.getTimeZone(),
                organization.getCreatedAt());
    }
}
