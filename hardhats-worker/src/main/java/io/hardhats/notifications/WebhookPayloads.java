package io.hardhats.notifications;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.hardhats.notifications.WebhookAlertMessage.WebhookCamera;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic webhook's JSON: the shared {@link WebhookAlertMessage} and {@link WebhookSummaryMessage}
 * records, whose schema the API documentation publishes; field names are snake_case.
 */
@Component
class WebhookPayloads implements AlertPayloads {

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
        return json.writeValueAsBytes(new WebhookAlertMessage(
                alert.sample() ? WebhookAlertMessage.TEST : WebhookAlertMessage.VIOLATION, alert.eventId(),
                alert.occurredAt(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(alert.occurredAt().atZone(alert.zone())),
                alert.zone().getId(), new WebhookCamera(alert.cameraId(), alert.cameraName()), alert.type(),
                alert.severity(), alert.confidence(), alert.eventUrl()));
    }

    @Override
    public byte[] summary(AlertSummary summary) {
        Map<String, Integer> byType = summary.byType().entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().wire(), Map.Entry::getValue, Integer::sum,
                        TreeMap::new));
        return json.writeValueAsBytes(new WebhookSummaryMessage(WebhookSummaryMessage.SUMMARY, summary.from(),
                summary.to(), summary.zone().getId(), summary.total(), byType, summary.byCamera(),
                summary.eventsUrl()));
    }
}
