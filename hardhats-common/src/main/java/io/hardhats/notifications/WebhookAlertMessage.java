package io.hardhats.notifications;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The generic webhook's body for one violation, or for a channel's test message: the record the
 * worker serialises and the schema the API documentation publishes (OpenAPI {@code webhooks}).
 * Names are explicit because the schema generator does not follow the JSON mapper's snake_case.
 */
@Schema(name = "WebhookAlert",
        description = "One violation (type `violation`), or a channel's \"Send test\" message (type `test`).")
public record WebhookAlertMessage(
        @Schema(requiredMode = REQUIRED, allowableValues = {WebhookAlertMessage.VIOLATION, WebhookAlertMessage.TEST})
        String type,
        @Schema(requiredMode = REQUIRED,
                description = "The event's id (on a test message, the delivery's); also the X-Hardhats-Delivery key")
        UUID id,
        @Schema(requiredMode = REQUIRED, description = "When the violation was seen, in UTC") @JsonProperty("occurred_at")
        Instant occurredAt,
        @Schema(requiredMode = REQUIRED,
                description = "The same moment in the organisation's time zone, ISO 8601 with its offset",
                example = "2026-12-02T07:30:00.123456+01:00") @JsonProperty("occurred_at_local") String occurredAtLocal,
        @Schema(requiredMode = REQUIRED, description = "The organisation's IANA time zone", example = "Europe/Berlin")
        @JsonProperty("time_zone") String timeZone,
        @Schema(requiredMode = REQUIRED) WebhookCamera camera,
        @Schema(requiredMode = REQUIRED) @JsonProperty("violation_type") ViolationType violationType,
        @Schema(requiredMode = REQUIRED) Severity severity,
        @Schema(requiredMode = REQUIRED, description = "The detector's confidence, from 0 to 1", minimum = "0",
                maximum = "1") double confidence,
        @Schema(requiredMode = REQUIRED, description = "The event's page in the dashboard") URI url) {

    public static final String VIOLATION = "violation";
    public static final String TEST = "test";

    /** The camera that saw it. */
    @Schema(name = "WebhookCamera")
    public record WebhookCamera(
            @Schema(requiredMode = REQUIRED, description = "The camera's id; null on a test message",
                    nullable = true) UUID id,
            @Schema(requiredMode = REQUIRED) String name) {
    }
}
