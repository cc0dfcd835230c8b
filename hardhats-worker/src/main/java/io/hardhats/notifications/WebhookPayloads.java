package io.hardhats.notifications;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The generic webhook's JSON, documented in the README ("Notifications"); field names are snake_case. */
@Component
class WebhookPayloads implements AlertPayloads {

    /** One violation ({@code type} "violation"), or a channel's test message ({@code type} "test"). */
    record AlertMessage(String type, UUID id, Instant occurredAt, String occurredAtLocal, String timeZone,
            Camera camera, ViolationType violationType, Severity severity, double confidence, URI url) {
    }

    /** The camera, {@code id} null on a test message. */
    record Camera(UUID id, String name) {
    }

    /** The alerts storm control held in one window, counted ({@code type} "summary"). */
    record SummaryMessage(String type, Instant from, Instant to, String timeZone, int total,
            Map<String, Integer> byType, Map<String, Integer> byCamera, URI url) {
    }

    private final JsonMapper json;

    WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public byte[] alert(Alert alert) {
        return json.writeValueAsBytes(new AlertMessage(alert.sample() ? "test" : "violation", alert.eventId(),
                alert.occurredAt(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(alert.occurredAt().atZone(alert.zone())),
                alert.zone().getId(), new Camera(alert.cameraId(), alert.cameraName()), alert.type(), alert.severity(),
                alert.confidence(), alert.eventUrl()));
    }

    @Override
    public byte[] summary(AlertSummary summary) {
        Map<String, Integer> byType = summary.byType().entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().wire(), Map.Entry::getValue, Integer::sum,
                        TreeMap::new));
        return json.writeValueAsBytes(new SummaryMessage("summary", summary.from(), summary.to(),
                summary.zone().getId(), summary.total(), byType, summary.byCamera(), summary.eventsUrl()));
    }
}
