package io.hardhats.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.hardhats.cameras.CameraHostGuard;
import io.hardhats.cameras.CameraRepository;
import io.hardhats.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Everything about a channel request is checked here, before anything is stored. */
@Component
record ChannelRequestValidator(CameraHostGuard hosts, CameraRepository cameras, MailSettings mail) {

    static final int MAX_NAME = 120;
    static final int MAX_URL = 2048;
    static final int MAX_RECIPIENTS = 20;
    static final int MAX_CAMERAS = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

    /** A new channel: name, kind and target are required. */
    void checkNew(ChannelRequest request) {
        if (request.name() == null || request.kind() == null || request.target() == null) {
            throw ApiException.invalid("name, kind and target are required");
        }
        checkChange(request, request.kind());
    }

    /** Any fields of a channel of the given kind; a channel keeps its kind. */
    void checkChange(ChannelRequest request, ChannelKind kind) {
        if (request.kind() != null && request.kind() != kind) {
            throw ApiException.invalid("kind: a channel keeps its kind; add a new channel instead");
        }
        if (kind == ChannelKind.EMAIL && !mail.configured()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "email_not_configured",
                    "e-mail is not configured on this service (SMTP_HOST is not set)");
        }
        if (request.name() != null && (request.name().isBlank() || request.name().trim().length() > MAX_NAME)) {
            throw ApiException.invalid("name: must be 1 to " + MAX_NAME + " characters");
        }
        if (request.target() != null) {
            checkTarget(kind, request.target());
        }
        if (request.filters() != null) {
            checkFilters(request.filters());
        }
        if (request.storm() != null) {
            checkStorm(request.storm());
        }
    }

    /** The recipients as stored: trimmed, lower case, separated by ", ". */
    static String normalisedTarget(ChannelKind kind, String target) {
        if (kind != ChannelKind.EMAIL) {
            return target.trim();
        }
        return String.join(", ", List.of(target.split(",")).stream().map(String::trim)
                .map(address -> address.toLowerCase(Locale.ROOT)).toList());
    }

    private void checkTarget(ChannelKind kind, String target) {
        if (kind == ChannelKind.EMAIL) {
            String[] recipients = target.split(",", -1);
            if (recipients.length > MAX_RECIPIENTS) {
                throw ApiException.invalid("target: at most " + MAX_RECIPIENTS + " recipients");
            }
            for (String recipient : recipients) {
                if (!EMAIL.matcher(recipient.trim()).matches()) {
                    throw ApiException.invalid("target: must be e-mail addresses separated by commas");
                }
            }
            return;
        }
        if (target.length() > MAX_URL) {
            throw ApiException.invalid("target: must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(target.trim());
        } catch (URISyntaxException e) {
            throw invalidUrl();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw invalidUrl();
        }
        try {
            hosts.check(uri.getHost());
        } catch (CameraHostGuard.ForbiddenHostException e) {
            throw ApiException.invalid("target: the host is a loopback, link-local or cloud-metadata address, or "
                    + "could be read as another address; this service may not call it");
        }
    }

    private static ApiException invalidUrl() {
        return ApiException.invalid("target: must be an http:// or https:// URL with a host and no user name");
    }

    private void checkFilters(ChannelFilters filters) {
        List<UUID> cameraIds = filters.cameraIds();
        if (cameraIds != null) {
            Set<UUID> distinct = new HashSet<>(cameraIds);
            if (distinct.contains(null) || distinct.size() > MAX_CAMERAS) {
                throw ApiException.invalid("filters.camera_ids: up to " + MAX_CAMERAS + " camera ids, or null for all");
            }
            if (cameras.findAllById(distinct).size() != distinct.size()) {
                throw ApiException.invalid("filters.camera_ids: names a camera this organisation does not have");
            }
        }
        ActiveHours hours = filters.activeHours();
        if (hours != null) {
            boolean daysValid = hours.days() != null && !hours.days().isEmpty()
                    && hours.days().stream().allMatch(day -> day != null && day >= 1 && day <= 7);
            if (!daysValid) {
                throw ApiException.invalid("filters.active_hours.days: ISO days of the week, 1 (Monday) to 7");
            }
            if (hours.from() == null || hours.to() == null || !ActiveHours.CLOCK_TIME.matcher(hours.from()).matches()
                    || !ActiveHours.CLOCK_TIME.matcher(hours.to()).matches()) {
                throw ApiException.invalid("filters.active_hours: from and to must be times such as 07:30");
            }
        }
    }

    private static void checkStorm(StormLimit storm) {
        if (storm.maxAlerts() != null && (storm.maxAlerts() < 1 || storm.maxAlerts() > StormLimit.MAX_ALERTS_LIMIT)) {
            throw ApiException.invalid("storm.max_alerts: must be 1 to " + StormLimit.MAX_ALERTS_LIMIT);
        }
        if (storm.windowSeconds() != null && (storm.windowSeconds() < StormLimit.MIN_WINDOW_SECONDS
                || storm.windowSeconds() > StormLimit.MAX_WINDOW_SECONDS)) {
            throw ApiException.invalid("storm.window_seconds: must be " + StormLimit.MIN_WINDOW_SECONDS + " to "
                    + StormLimit.MAX_WINDOW_SECONDS);
        }
    }
}
