package io.hardhats.organizations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fields left out (null) stay as they are. The plan is set by the operator of the service. Turning
 * privacy mode off takes {@code confirmPrivacyOff: true} beside it: faces are shown and stored from then on.
 */
public record OrganizationUpdate(
        @Size(min = 1, max = 200) String name,
        @Min(1) Integer maxCameras,
        @Min(1) @Max(10_000) Integer maxUsers,
        @Min(1) Integer retentionDays,
        Map<String, Object> settings,
        Boolean privacyMode,
        Boolean confirmPrivacyOff,
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
        if (retentionDays != null) {
            fields.add("retention_days");
        }
        if (settings != null) {
            fields.add("settings");
        }
        if (privacyMode != null) {
            fields.add("privacy_mode");
        }
        if (timeZone != null) {
            fields.add("time_zone");
        }
        return fields;
    }
}
