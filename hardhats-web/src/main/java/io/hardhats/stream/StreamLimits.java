package io.hardhats.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What live viewing may hold on one web instance. Each MJPEG or SSE stream holds a connection
 * and a request thread for as long as it is open.
 *
 * @param perSession      streams (MJPEG and SSE together) one sign-in may hold open; a dashboard
 *                        tab holds up to four
 * @param perOrganization streams all of an organisation's sign-ins may hold open together
 */
@ConfigurationProperties(prefix = "hardhats.streams")
public record StreamLimits(Integer perSession, Integer perOrganization) {

    public StreamLimits {
        perSession = positiveOr(perSession, 16);
        perOrganization = positiveOr(perOrganization, 100);
    }

    /** Unset (an empty variable) or not positive: the default. */
    private static int positiveOr(Integer value, int fallback) {
        return value == null || value <= 0 ? fallback : value;
    }
}
