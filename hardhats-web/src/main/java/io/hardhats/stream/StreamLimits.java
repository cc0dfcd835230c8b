package io.hardhats.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What live viewing may hold on one web instance. Each MJPEG or SSE stream holds a connection
 * and a request thread for as long as it is open, and a snapshot of a camera nobody watched
 * holds one while it waits for the camera's next frame.
 *
 * @param perSession                   streams (MJPEG and SSE together) one sign-in may hold open;
 *                                     a dashboard tab holds up to four
 * @param perOrganization              streams all of an organisation's sign-ins may hold open together
 * @param snapshotWaitsPerOrganization snapshots of one organisation that may wait for a frame at
 *                                     once; further ones answer at once with what there is
 * @param snapshotWait                 the longest a snapshot waits for a camera's next frame
 */
@ConfigurationProperties(prefix = "hardhats.streams")
public record StreamLimits(Integer perSession, Integer perOrganization, Integer snapshotWaitsPerOrganization,
        Duration snapshotWait) {

    public StreamLimits {
        perSession = positiveOr(perSession, 16);
        perOrganization = positiveOr(perOrganization, 100);
        snapshotWaitsPerOrganization = positiveOr(snapshotWaitsPerOrganization, 8);
        snapshotWait = snapshotWait == null || snapshotWait.isNegative() || snapshotWait.isZero()
                ? Duration.ofSeconds(5) : snapshotWait;
    }

    /** Unset (an empty variable) or not positive: the default. */
    private static int positiveOr(Integer value, int fallback) {
        return value == null || value <= 0 ? fallback : value;
    }
}
