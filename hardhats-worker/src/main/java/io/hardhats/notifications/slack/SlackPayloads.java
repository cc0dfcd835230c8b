package io.hardhats.notifications.slack;

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
 * Slack incoming-webhook messages in Block Kit: a header, the facts as section fields, a button to
 * the event. {@code text} is the fallback Slack shows in notifications. No image block: Slack
 * fetches images from a public URL, and the annotated frame is behind the dashboard's sign-in.
 */
@Component
public class SlackPayloads implements AlertPayloads {

    /** Slack's limits: header text, section text, one field, button text. */
    static final int HEADER_MAX = 150;
    static final int TEXT_MAX = 3000;
    static final int FIELD_MAX = 2000;
    static final int BUTTON_MAX = 75;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public ChannelKind kind() {
        return ChannelKind.SLACK;
    }

    @Override
    public byte[] alert(Alert alert) {
        String headline = AlertWording.headline(alert);
        ArrayNode blocks = NODES.arrayNode();
        blocks.add(header(headline));
        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        fields.add(field("Camera", alert.cameraName()));
        fields.add(field("Time", AlertWording.time(alert.occurredAt(), alert.zone())));
        fields.add(field("Type", AlertWording.type(alert.type())));
        fields.add(field("Severity", AlertWording.severity(alert.severity())));
        fields.add(field("Confidence", AlertWording.confidence(alert.confidence())));
        if (alert.sample()) {
            blocks.add(context(AlertWording.sampleNote()));
        }
        blocks.add(button(AlertWording.OPEN_EVENT, alert.eventUrl().toString(), "open_event"));
        blocks.add(context(AlertWording.FRAME_IN_DASHBOARD));
        return message(headline, blocks);
    }

    @Override
    public byte[] summary(AlertSummary summary) {
        String headline = AlertWording.summaryHeadline(summary);
        ArrayNode blocks = NODES.arrayNode();
        blocks.add(header(headline));
        blocks.add(section(AlertWording.summaryNote(summary)));
        blocks.add(section("*By type*\n" + lines(AlertWording.byType(summary))));
        blocks.add(section("*By camera*\n" + lines(AlertWording.byCamera(summary))));
        blocks.add(button(AlertWording.OPEN_EVENTS, summary.eventsUrl().toString(), "open_events"));
        return message(headline, blocks);
    }

    private static byte[] message(String fallback, ArrayNode blocks) {
        ObjectNode message = NODES.objectNode();
        // The fallback is read as mrkdwn too: a camera name must not mention the channel from there either.
        message.put("text", AlertWording.limit(escape(fallback), TEXT_MAX));
        message.set("blocks", blocks);
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode header(String text) {
        ObjectNode header = NODES.objectNode().put("type", "header");
        header.set("text", plain(AlertWording.limit(text, HEADER_MAX)));
        return header;
    }

    private static ObjectNode field(String label, String value) {
        return mrkdwn(AlertWording.limit("*" + label + "*\n" + escape(value), FIELD_MAX));
    }

    private static ObjectNode section(String markdown) {
        ObjectNode section = NODES.objectNode().put("type", "section");
        section.set("text", mrkdwn(AlertWording.limit(markdown, TEXT_MAX)));
        return section;
    }

    private static ObjectNode context(String text) {
        ObjectNode context = NODES.objectNode().put("type", "context");
        context.putArray("elements").add(mrkdwn(AlertWording.limit(escape(text), TEXT_MAX)));
        return context;
    }

    private static ObjectNode button(String label, String url, String actionId) {
        ObjectNode actions = NODES.objectNode().put("type", "actions");
        ObjectNode button = actions.putArray("elements").addObject()
                .put("type", "button").put("action_id", actionId).put("url", url);
        button.set("text", plain(AlertWording.limit(label, BUTTON_MAX)));
        return actions;
    }

    /** Lines of "• name: count", names escaped, as many as fit in one section. */
    private static String lines(Map<String, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((name, count) -> text.append("• ").append(escape(name)).append(": ").append(count).append('\n'));
        return text.toString().strip();
    }

    private static ObjectNode plain(String text) {
        return NODES.objectNode().put("type", "plain_text").put("text", text).put("emoji", false);
    }

    private static ObjectNode mrkdwn(String text) {
        return NODES.objectNode().put("type", "mrkdwn").put("text", text);
    }

    /** Slack reads {@code &}, {@code <} and {@code >} as control characters in mrkdwn (links, mentions). */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
