package io.hardhats.organizations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

    private record Given(String wireName, Object value) {
    }

    /** The wire names of the fields the update changes, for the audit trail. */
    List<String> changedFields() {
        return Stream.of(new Given("name", name), new Given("max_cameras", maxCameras),
                        new Given("max_users", maxUsers), new Given("retention_days", retentionDays),
                        new Given("settings", settings), new Given("privacy_mode", privacyMode),
                        new Given("time_zone", timeZone))
                .filter(field -> field.value() != null).map(Given::wireName).toList();
    }
}
