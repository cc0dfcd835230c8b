package io.hardhats.organizations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fields left out (null) stay as they are. The plan is set by the operator of the service. */
public record OrganizationUpdate(
        @Size(min = 1, max = 200) String name,
        @Min(1) Integer maxCameras,
        @Min(1) @Max(10_000) Integer maxUsers,
        Map<String, Object> settings,
        @Size(min = 1, max = 64) String timeZone) {

    /** The wire names of the fields the update changes, for the audit trail. */
    List<String> changedFields() {
        List<String> fields = new ArrayList<>();
        if (name != null) {
            fields.add("name");
        }
        if (maxCameras != null) {
            fields.add("max_cameras");
        }
        if (maxUsers != null) {
            fields.add("max_users");
        }
        if (settings != null) {
            fields.add("settings");
        }
        if (timeZone != null) {
            fields.add("time_zone");
        }
        return fields;
    }
}
