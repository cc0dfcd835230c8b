package io.hardhats.organizations;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

public record OrganizationView(UUID id, String name, String slug, String plan, int maxCameras, int maxUsers,
        Map<String, Object> settings, String timeZone, Instant createdAt) {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    public static OrganizationView of(Organization organization, JsonMapper json) {
        return new OrganizationView(organization.getId(), organization.getName(), organization.getSlug(),
                organization.getPlan(), organization.getMaxCameras(), organization.getMaxUsers(),
                json.readValue(organization.getSettingsJson(), MAP), organization.getTimeZone(),
                organization.getCreatedAt());
    }
}
