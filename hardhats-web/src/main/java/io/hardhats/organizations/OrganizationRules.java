package io.hardhats.organizations;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

import io.hardhats.cameras.CameraRepository;
import io.hardhats.config.HardhatsProperties;
import io.hardhats.retention.RetentionProperties;
import io.hardhats.users.UserRepository;
import io.hardhats.web.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an organisation's admins may set: the plan limits may not exceed what the service allows
 * nor fall below what the organisation already has; the retention period stays within the plan.
 * Callers hold the organisation's row lock, so the counts cannot move meanwhile.
 */
@Component
record OrganizationRules(CameraRepository cameras, UserRepository users, HardhatsProperties properties,
        RetentionProperties retention, JsonMapper json) {

    private static final int MAX_SETTINGS_KIB = 16;

    int checkedMaxCameras(int maxCameras) {
        if (maxCameras > properties.maxCamerasPerOrg()) {
            throw ApiException.invalid("max_cameras: this service allows at most "
                    + properties.maxCamerasPerOrg() + " cameras per organisation");
        }
        if (maxCameras < cameras.count()) {
            throw ApiException.conflict("plan_limit", "max_cameras is below the number of cameras you have");
        }
        return maxCameras;
    }

    int checkedMaxUsers(int maxUsers) {
        if (maxUsers < users.count()) {
            throw ApiException.conflict("plan_limit", "max_users is below the number of users you have");
        }
        return maxUsers;
    }

    int checkedRetentionDays(int days) {
        if (days > retention.maxDays()) {
            throw ApiException.invalid("retention_days: your plan keeps events for at most "
                    + retention.maxDays() + " days");
        }
        return days;
    }

    String checkedSettings(Map<String, Object> settings) {
        String settingsJson = json.writeValueAsString(settings);
        if (settingsJson.length() > MAX_SETTINGS_KIB * 1024) {
            throw ApiException.invalid("settings: must be at most " + MAX_SETTINGS_KIB + " KiB of JSON");
        }
        return settingsJson;
    }

    /** A zone id as Java spells it (Europe/Berlin, UTC), so it reads back the same in every process. */
    String checkedTimeZone(String timeZone) {
        try {
            if (ZoneId.of(timeZone).getId().equals(timeZone)) {
                return timeZone;
            }
        } catch (DateTimeException e) {
            // answered below
        }
        throw ApiException.invalid("time_zone: must be a time zone such as Europe/Berlin or UTC");
    }
}
