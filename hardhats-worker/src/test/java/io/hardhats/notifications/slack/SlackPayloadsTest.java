package io.hardhats.notifications.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import io.hardhats.notifications.SampleAlerts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's incoming webhooks take {@code text} plus up to 50 Block Kit blocks; Slack refuses the
 * whole message when a block breaks its documented limits (header text 150 characters, section
 * text 3000, up to 10 fields of 2000, button text 75, URLs 3000), so each message is checked
 * against them.
 */
class SlackPayloadsTest {

    private static final Set<String> BLOCK_TYPES = Set.of("header", "section", "actions", "context", "divider", "image");

    private final JsonMapper json = JsonMapper.builder().build();
    private final SlackPayloads payloads = new SlackPayloads();

    @Test
    void anAlertNamesCameraTimeInTheOrganisationsZoneTypeSeverityAndConfidenceAndLinksToTheEvent() {
        JsonNode message = valid(payloads.alert(SampleAlerts.alert("North gate", new byte[] {1, 2, 3})));

        assertThat(message.path("text").asString()).isEqualTo("No hard hat at North gate");
        JsonNode header = block(message, "header");
        assertThat(header.path("text").path("type").asString()).isEqualTo("plain_text");
        assertThat(header.path("text").path("text").asString()).isEqualTo("No hard hat at North gate");

        List<String> fields = block(message, "section").path("fields").valueStream()
                .map(field -> field.path("text").asString()).toList();
        assertThat(fields).containsExactly("*Camera*\nNorth gate", "*Time*\nWed 2 Dec 2026, 14:05:09 CET",
                "*Type*\nNo hard hat", "*Severity*\nHigh", "*Confidence*\n87 %");

        JsonNode button = block(message, "actions").path("elements").get(0);
        assertThat(button.path("type").asString()).isEqualTo("button");
        assertThat(button.path("url").asString()).isEqualTo("https://hardhats.example/#/event/7d0f1b6e-1c55-4f57-9a51-3f4b4f6d2a10");
        assertThat(button.path("text").path("text").asString()).isEqualTo("Open in Hard Hats");

        // The frame has no public URL for Slack to fetch: no image block, a sentence instead.
        assertThat(types(message)).doesNotContain("image");
        assertThat(block(message, "context").path("elements").get(0).path("text").asString())
                .contains("annotated frame is in the dashboard");
    }

    @Test
    void cameraNamesCannotMentionEveryoneOrForgeLinks() {
        JsonNode message = valid(payloads.alert(SampleAlerts.alert("<!channel> & <https://evil.example|Gate>", null)));

        String camera = block(message, "section").path("fields").get(0).path("text").asString();
        assertThat(camera).isEqualTo("*Camera*\n&lt;!channel&gt; &amp; &lt;https://evil.example|Gate&gt;");
        assertThat(message.path("text").asString()).isEqualTo("No hard hat at &lt;!channel&gt; &amp; &lt;https://evil.example|Gate&gt;");
        // Header text is plain text, which Slack never reads as markup: it stays as typed.
        assertThat(block(message, "header").path("text").path("text").asString()).startsWith("No hard hat at <!channel>");
    }

    @Test
    void aLongCameraNameIsCutToSlacksHeaderLimit() {
        JsonNode message = valid(payloads.alert(SampleAlerts.alert("C".repeat(400), null)));

        String header = block(message, "header").path("text").path("text").asString();
        assertThat(header).hasSize(SlackPayloads.HEADER_MAX).endsWith("…");
    }

    @Test
    void aTestMessageSaysItIsATest() {
        JsonNode message = valid(payloads.alert(SampleAlerts.sample("North gate")));

        assertThat(message.path("text").asString()).isEqualTo("Test: No hard hat at North gate");
        assertThat(message.path("blocks").valueStream().filter(b -> b.path("type").asString().equals("context"))
                .map(b -> b.path("elements").get(0).path("text").asString()))
                .anyMatch(text -> text.contains("test message"));
    }

    @Test
    void aSummaryCountsByTypeAndCameraMostFirstAndStaysWithinLimitsForAnyNumberOfCameras() {
        JsonNode message = valid(payloads.summary(SampleAlerts.summary(3)));

        assertThat(message.path("text").asString()).isEqualTo("42 more violations from 14:05 to 14:07");
        List<String> sections = message.path("blocks").valueStream()
                .filter(b -> b.path("type").asString().equals("section"))
                .map(b -> b.path("text").path("text").asString()).toList();
        assertThat(sections).contains("*By type*\n• No hard hat: 39\n• No hi-vis vest: 3",
                "*By camera*\n• Camera 1: 40\n• Camera 2: 1\n• Camera 3: 1");
        assertThat(block(message, "actions").path("elements").get(0).path("url").asString())
                .isEqualTo("https://hardhats.example/#/events");

        valid(payloads.summary(SampleAlerts.summary(2000)));
    }

    /** The message as Slack's documented limits require it, returned parsed. */
    private JsonNode valid(byte[] body) {
        JsonNode message = json.readTree(body);
        assertThat(message.path("text").isString()).isTrue();
        assertThat(message.path("text").asString()).isNotBlank().hasSizeLessThanOrEqualTo(3000);
        JsonNode blocks = message.path("blocks");
        assertThat(blocks.isArray()).isTrue();
        assertThat(blocks.size()).isBetween(1, 50);
        for (JsonNode block : blocks) {
            String type = block.path("type").asString();
            assertThat(BLOCK_TYPES).contains(type);
            switch (type) {
                case "header" -> textObject(block.path("text"), Set.of("plain_text"), 150);
                case "section" -> {
                    assertThat(block.has("text") || block.has("fields")).isTrue();
                    if (block.has("text")) {
                        textObject(block.path("text"), Set.of("plain_text", "mrkdwn"), 3000);
                    }
                    if (block.has("fields")) {
                        assertThat(block.path("fields").size()).isBetween(1, 10);
                        block.path("fields").forEach(field -> textObject(field, Set.of("plain_text", "mrkdwn"), 2000));
                    }
                }
                case "context" -> {
                    assertThat(block.path("elements").size()).isBetween(1, 10);
                    block.path("elements").forEach(element -> textObject(element, Set.of("plain_text", "mrkdwn"), 3000));
                }
                case "actions" -> {
                    assertThat(block.path("elements").size()).isBetween(1, 25);
                    for (JsonNode button : block.path("elements")) {
                        assertThat(button.path("type").asString()).isEqualTo("button");
                        textObject(button.path("text"), Set.of("plain_text"), 75);
                        assertThat(button.path("url").asString()).startsWith("https://").hasSizeLessThanOrEqualTo(3000);
                        assertThat(button.path("action_id").asString()).isNotBlank().hasSizeLessThanOrEqualTo(255);
                    }
                }
                default -> { }
            }
        }
        return message;
    }

    private static void textObject(JsonNode text, Set<String> types, int maxLength) {
        assertThat(types).contains(text.path("type").asString());
        assertThat(text.path("text").isString()).isTrue();
        assertThat(text.path("text").asString()).isNotEmpty().hasSizeLessThanOrEqualTo(maxLength);
    }

    private static JsonNode block(JsonNode message, String type) {
        return message.path("blocks").valueStream().filter(b -> b.path("type").asString().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " block in " + message));
    }

    private static List<String> types(JsonNode message) {
        return message.path("blocks").valueStream().map(b -> b.path("type").asString()).toList();
    }
}
