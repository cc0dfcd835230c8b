package io.hardhats.notifications;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import io.hardhats.events.ViolationType;

/**
 * The one message that stands for the alerts storm control held back in a window, so none is
 * dropped silently.
 *
 * @param id the summary's delivery, unique and the same on every retry: its idempotency key
 * @param byCamera alert counts by camera name
 * @param eventsUrl the dashboard's events list for the window
 */
public record AlertSummary(UUID id, Instant from, Instant to, ZoneId zone, int total, Map<ViolationType, Integer> byType,
        Map<String, Integer> byCamera, URI eventsUrl) {
}
