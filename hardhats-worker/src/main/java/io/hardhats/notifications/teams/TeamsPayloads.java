package io.hardhats.notifications.teams;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.hardhats.notifications.Alert;
import io.hardhats.notifications.AlertPayloads;
import io.hardhats.notifications.AlertSummary;
import io.hardhats.notifications.AlertWording;
import io.hardhats.notifications.ChannelKind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft Teams messages: one Adaptive Card (schema 1.4, which Teams renders everywhere) as the
 * attachment of a {@code message}, the form both incoming webhooks and Workflows accept. The
 * frame is not attached: Teams would fetch it from a public URL, and the frame has none.
 */
@Component
public class TeamsPayloads implements AlertPayloads {

    static final String CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    static final String CARD_VERSION = "1.4";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public byte[] alert(Alert alert) {
        ArrayNode body = NODES.arrayNode();
        body.add(title(AlertWording.headline(alert), attention(alert)));
        ObjectNode facts = body.addObject().put("type", "FactSet");
        ArrayNode list = facts.putArray("facts");
        fact(list, "Camera", alert.cameraName());
        fact(list, "Time", AlertWording.time(alert.occurredAt(), alert.zone()));
        fact(list, "Type", AlertWording.type(alert.type()));
        fact(list, "Severity", AlertWording.severity(alert.severity()));
        fact(list, "Confidence", AlertWording.confidence(alert.confidence()));
        if (alert.sample()) {
            body.add(note(AlertWording.sampleNote()));
        }
        body.add(note(AlertWording.FRAME_IN_DASHBOARD));
        return message(body, AlertWording.OPEN_EVENT, alert.eventUrl().toString());
    }

    @Override
    public byte[] summary(AlertSummary summary) {
        ArrayNode body = NODES.arrayNode();
        body.add(title(AlertWording.summaryHeadline(summary), "Attention"));
        body.add(note(AlertWording.summaryNote(summary)));
        body.add(subtitle("By type"));
        body.add(factSet(AlertWording.byType(summary)));
        body.add(subtitle("By camera"));
        body.add(factSet(AlertWording.byCamera(summary)));
        return message(body, AlertWording.OPEN_EVENTS, summary.eventsUrl().toString());
    }

    private static byte[] message(ArrayNode body, String actionTitle, String url) {
        ObjectNode card = NODES.objectNode();
        card.put("$schema", CARD_SCHEMA).put("type", "AdaptiveCard").put("version", CARD_VERSION);
        card.set("body", body);
        card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", actionTitle).put("url", url);
        // Teams otherwise draws the card at a narrow fixed width.
        card.putObject("msteams").put("width", "Full");

        ObjectNode message = NODES.objectNode().put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", CARD_CONTENT_TYPE).putNull("contentUrl");
        attachment.set("content", card);
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String attention(Alert alert) {
        return switch (alert.severity()) {
            case HIGH, CRITICAL -> "Attention";
            case MEDIUM -> "Warning";
            case LOW -> "Default";
        };
    }

    private static ObjectNode title(String text, String color) {
        return NODES.objectNode().put("type", "TextBlock").put("text", text).put("size", "Large")
                .put("weight", "Bolder").put("color", color).put("wrap", true);
    }

    private static ObjectNode subtitle(String text) {
        return NODES.objectNode().put("type", "TextBlock").put("text", text).put("weight", "Bolder")
                .put("spacing", "Medium").put("wrap", true);
    }

    private static ObjectNode note(String text) {
        return NODES.objectNode().put("type", "TextBlock").put("text", text).put("isSubtle", true)
                .put("size", "Small").put("wrap", true);
    }

    private static ObjectNode factSet(Map<String, Integer> counts) {
        ObjectNode facts = NODES.objectNode().put("type", "FactSet");
        ArrayNode list = facts.putArray("facts");
        counts.forEach((name, count) -> fact(list, name, String.valueOf(count)));
        return facts;
    }

    private static void fact(ArrayNode facts, String title, String value) {
        facts.addObject().put("title", title).put("value", value);
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TEAMS;
    }
}
