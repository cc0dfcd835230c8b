package io.hardhats.notifications.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import io.hardhats.notifications.SampleAlerts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Teams incoming webhooks and Workflows take a {@code message} whose attachment is an Adaptive
 * Card ({@code application/vnd.microsoft.card.adaptive}); the card needs {@code type},
 * {@code version} and elements and actions of the types the schema defines, each with its
 * required properties (a TextBlock's {@code text}, a Fact's {@code title} and {@code value}, an
 * Action.OpenUrl's {@code url}).
 */
class TeamsPayloadsTest {

    private static final Set<String> ELEMENT_TYPES = Set.of("TextBlock", "FactSet", "Image", "Container", "ColumnSet");

    private final JsonMapper json = JsonMapper.builder().build();
    private final TeamsPayloads payloads = new TeamsPayloads();

    @Test
    void anAlertIsAnAdaptiveCardWithTheFactsAndAButtonToTheEvent() {
        JsonNode card = card(payloads.alert(SampleAlerts.alert("North gate", new byte[] {1, 2, 3})));

        assertThat(texts(card).get(0)).isEqualTo("No hard hat at North gate");
        assertThat(facts(card.path("body"))).containsExactly("Camera: North gate",
                "Time: Wed 2 Dec 2026, 14:05:09 CET", "Type: No hard hat", "Severity: High", "Confidence: 87 %");
        JsonNode open = card.path("actions").get(0);
        assertThat(open.path("type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(open.path("url").asString())
                .isEqualTo("https://hardhats.example/#/event/7d0f1b6e-1c55-4f57-9a51-3f4b4f6d2a10");
        assertThat(open.path("title").asString()).isEqualTo("Open in Hard Hats");
        assertThat(texts(card)).anyMatch(text -> text.contains("annotated frame is in the dashboard"));
    }

    @Test
    void aTestMessageSaysItIsATest() {
        JsonNode card = card(payloads.alert(SampleAlerts.sample("North gate")));

        assertThat(texts(card).get(0)).isEqualTo("Test: No hard hat at North gate");
        assertThat(texts(card)).anyMatch(text -> text.contains("test message"));
    }

    @Test
    void aSummaryCardCountsByTypeAndCameraMostFirst() {
        JsonNode card = card(payloads.summary(SampleAlerts.summary(3)));

        assertThat(texts(card).get(0)).isEqualTo("42 more violations from 14:05 to 14:07");
        assertThat(facts(card.path("body"))).containsExactly("No hard hat: 39", "No hi-vis vest: 3",
                "Camera 1: 40", "Camera 2: 1", "Camera 3: 1");
        assertThat(card.path("actions").get(0).path("url").asString()).isEqualTo("https://hardhats.example/#/events");
    }

    /** The Adaptive Card inside the message, after checking the envelope and the card's schema rules. */
    private JsonNode card(byte[] body) {
        JsonNode message = json.readTree(body);
        assertThat(message.path("type").asString()).isEqualTo("message");
        assertThat(message.path("attachments").size()).isEqualTo(1);
        JsonNode attachment = message.path("attachments").get(0);
        assertThat(attachment.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.path("$schema").asString()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        assertThat(Double.parseDouble(card.path("version").asString())).isGreaterThanOrEqualTo(1.4);
        assertThat(card.path("body").size()).isPositive();
        for (JsonNode element : card.path("body")) {
            assertThat(ELEMENT_TYPES).contains(element.path("type").asString());
            if (element.path("type").asString().equals("TextBlock")) {
                assertThat(element.path("text").isString()).isTrue();
                assertThat(element.path("text").asString()).isNotBlank();
            }
            if (element.path("type").asString().equals("FactSet")) {
                assertThat(element.path("facts").size()).isPositive();
                element.path("facts").forEach(fact -> {
                    assertThat(fact.path("title").isString()).isTrue();
                    assertThat(fact.path("value").isString()).isTrue();
                });
            }
        }
        for (JsonNode action : card.path("actions")) {
            assertThat(action.path("type").asString()).isEqualTo("Action.OpenUrl");
            assertThat(action.path("url").asString()).startsWith("https://");
        }
        return card;
    }

    private static List<String> texts(JsonNode card) {
        return card.path("body").valueStream().filter(e -> e.path("type").asString().equals("TextBlock"))
                .map(e -> e.path("text").asString()).toList();
    }

    private static List<String> facts(JsonNode body) {
        return body.valueStream().filter(e -> e.path("type").asString().equals("FactSet"))
                .flatMap(set -> set.path("facts").valueStream())
                .map(fact -> fact.path("title").asString() + ": " + fact.path("value").asString()).toList();
    }
}
