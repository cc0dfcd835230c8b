package io.hardhats.notifications;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;

/**
 * What one alert says, whichever channel carries it.
 *
 * @param frameJpeg the annotated frame (box drawn), or {@code null} when none was stored
 * @param zone the organisation's time zone, in which people read {@code occurredAt}
 * @param eventUrl the event's page in the dashboard
 * @param sample true for a channel's "Send test" message, which no violation stands behind
 */
public record Alert(UUID eventId, UUID cameraId, String cameraName, ViolationType type, Severity severity,
        double confidence, Instant occurredAt, ZoneId zone, URI eventUrl, byte[] frameJpeg, boolean sample) {

    public Alert withFrame(byte[] jpeg) {
        return new Alert(eventId, cameraId, cameraName, type, severity, confidence, occurredAt, zone, eventUrl, jpeg,
                sample);
    }
}
