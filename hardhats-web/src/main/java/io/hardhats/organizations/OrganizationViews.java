package io.hardhats.organizations;

import io.hardhats.retention.RetentionProperties;
import io.hardhats.storage.StorageProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Answers an organisation with the retention period and storage limit in force for it. */
@Component
public record OrganizationViews(JsonMapper json, RetentionProperties retention, StorageProperties storage) {

    public OrganizationView of(Organization organization) {
        return OrganizationView.of(organization, json, retention.daysFor(organization.getRetentionDays()),
                storage.limitFor(organization.getMaxStorageBytes()));
    }
}
