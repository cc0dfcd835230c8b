package io.hardhats.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.notifications.WebhookAlertMessage.WebhookCamera;
import io.hardhats.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic webhook is documented in the OpenAPI document's {@code webhooks}: its headers, and
 * body schemas told apart by {@code type}, one of which every message the worker serialises (the
 * shared records, through the product's JSON settings) conforms to, field for field.
 */
class WebhookOpenApiTest extends ApiTest {

    private static final String DOCUMENT = "/api/docs/openapi.json";

    @Autowired
    JsonMapper json;

    private JsonNode document;
    private JsonNode operation;

    @BeforeEach
    void readTheDocument() {
        document = client().get(DOCUMENT).json();
        operation = document.path("webhooks").path("notification").path("post");
    }

    @Test
    void theWebhookIsAnOpenApi31WebhookWithItsHeaders() {
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(operation.isObject()).as("webhooks.notification.post in %s", document.path("webhooks")).isTrue();
        Set<String> headers = new HashSet<>();
        operation.path("parameters").forEach(parameter -> {
            assertThat(parameter.path("in").asString()).isEqualTo("header");
            assertThat(parameter.path("required").asBoolean()).isTrue();
            headers.add(parameter.path("name").asString());
        });
        assertThat(headers).containsExactlyInAnyOrder(WebhookHeaders.DELIVERY, WebhookHeaders.IDEMPOTENCY_KEY,
                WebhookHeaders.SIGNATURE);
        assertThat(body().path("oneOf")).hasSize(2);
    }

    @Test
    void everyMessageTheWorkerSendsConformsToTheSchemaItsTypeSelects() {
        UUID event = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-02T06:30:00.123456Z");
        List<Object> messages = List.of(
                new WebhookAlertMessage(WebhookAlertMessage.VIOLATION, event, at, "2026-12-02T07:30:00.123456+01:00",
                        "Europe/Berlin", new WebhookCamera(UUID.randomUUID(), "North gate"), ViolationType.NO_HARDHAT,
                        Severity.HIGH, 0.91, URI.create("https://hardhats.example/#/event/" + event)),
                new WebhookAlertMessage(WebhookAlertMessage.TEST, UUID.randomUUID(), at,
                        "2026-12-02T06:30:00.123456Z", "UTC", new WebhookCamera(null, "Sample camera"),
                        ViolationType.NO_VEST, Severity.MEDIUM, 0.5, URI.create("https://hardhats.example/#/events")),
                new WebhookSummaryMessage(WebhookSummaryMessage.SUMMARY, at, at.plusSeconds(100), "Europe/Berlin", 12,
                        Map.of("no_hardhat", 9, "no_vest", 3), Map.of("North gate", 12),
                        URI.create("https://hardhats.example/#/events")));
        for (Object message : messages) {
            JsonNode payload = json.readTree(json.writeValueAsBytes(message));
            JsonNode type = payload.path("type");
            List<String> references = new ArrayList<>();
            body().path("oneOf").forEach(option -> {
                if (contains(resolve(option.path("$ref").asString()).path("properties").path("type").path("enum"),
                        type)) {
                    references.add(option.path("$ref").asString());
                }
            });
            assertThat(references).as("the schemas for type %s", type).hasSize(1);
            List<String> problems = new ArrayList<>();
            conform(payload, resolve(references.get(0)), "$", problems);
            assertThat(problems).as("%s against %s", payload, references.get(0)).isEmpty();
        }
    }

    private JsonNode body() {
        return operation.path("requestBody").path("content").path("application/json").path("schema");
    }

    private JsonNode resolve(String reference) {
        return document.path("components").path("schemas").path(reference.substring(reference.lastIndexOf('/') + 1));
    }

    /** A strict reading of the schema: no field it does not name, none it requires missing, types and enums kept. */
    private void conform(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (schema.has("$ref")) {
            conform(value, resolve(schema.path("$ref").asString()), at, problems);
            return;
        }
        Set<String> types = types(schema);
        if (value.isNull()) {
            if (!types.contains("null") && !schema.path("nullable").asBoolean()) {
                problems.add(at + " is null, which the schema does not allow");
            }
            return;
        }
        String actual = value.isString() ? "string" : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number"
                : value.isBoolean() ? "boolean" : value.isObject() ? "object" : "array";
        boolean typeAllowed = types.isEmpty() || types.contains(actual)
                || (actual.equals("integer") && types.contains("number"));
        if (!typeAllowed) {
            problems.add(at + " is " + actual + ", the schema says " + types);
        }
        if (schema.has("enum") && !contains(schema.path("enum"), value)) {
            problems.add(at + " = " + value + " is not one of " + schema.path("enum"));
        }
        if (value.isString() && "uuid".equals(schema.path("format").asString())) {
            UUID.fromString(value.asString());
        }
        if (value.isString() && "date-time".equals(schema.path("format").asString())) {
            OffsetDateTime.parse(value.asString());
        }
        if (!value.isObject()) {
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        schema.path("required").forEach(name -> {
            if (!value.has(name.asString())) {
                problems.add(at + "." + name.asString() + " is required but missing");
            }
        });
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (properties.has(field.getKey())) {
                conform(field.getValue(), properties.path(field.getKey()), at + "." + field.getKey(), problems);
            } else if (additional.isObject()) {
                conform(field.getValue(), additional, at + "." + field.getKey(), problems);
            } else {
                problems.add(at + "." + field.getKey() + " is not in the schema");
            }
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode each : values) {
            if (each.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        for (String key : List.of("type", "types")) {
            JsonNode type = schema.path(key);
            if (type.isString()) {
                types.add(type.asString());
            }
            type.forEach(each -> types.add(each.asString()));
        }
        if (types.isEmpty() && schema.has("properties")) {
            types.add("object");
        }
        return types;
    }
}
