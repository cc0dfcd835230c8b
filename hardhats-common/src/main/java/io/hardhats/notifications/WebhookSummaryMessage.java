package io.hardhats.notifications;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The generic webhook's body for the alerts storm control held back in one window, counted: the
 * record the worker serialises and the schema the API documentation publishes. Names are explicit
 * because the schema generator does not follow the JSON mapper's snake_case.
 */
@Schema(name = "WebhookSummary",
        description = "The alerts a channel's storm control held in one window, sent as one message.")
public record WebhookSummaryMessage(
        @Schema(requiredMode = REQUIRED, allowableValues = WebhookSummaryMessage.SUMMARY) String type,
        @Schema(requiredMode = REQUIRED, description = "When the first held alert was written") Instant from,
        @Schema(requiredMode = REQUIRED, description = "When the window ended") Instant to,
        @Schema(requiredMode = REQUIRED, description = "The organisation's IANA time zone", example = "Europe/Berlin")
        @JsonProperty("time_zone") String timeZone,
        @Schema(requiredMode = REQUIRED, description = "How many alerts were held") int total,
        @Schema(requiredMode = REQUIRED, description = "Held alerts by violation type (no_hardhat, no_vest, zone_breach)")
        @JsonProperty("by_type") Map<String, Integer> byType,
        @Schema(requiredMode = REQUIRED, description = "Held alerts by camera name") @JsonProperty("by_camera")
        Map<String, Integer> byCamera,
        @Schema(requiredMode = REQUIRED, description = "The dashboard's events list") URI url) {

    public static final String SUMMARY = "summary";
}
