package io.hardhats.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Webhook;
import io.swagger.v3.oas.annotations.Webhooks;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.stereotype.Component;

/**
 * What a generic webhook channel receives, in the OpenAPI document's {@code webhooks} (OpenAPI
 * 3.1): one request per message, whose body is one of the records the worker serialises, told
 * apart by {@code type}. The document is built from the annotations of this bean; it has no
 * behaviour of its own.
 */
@Component
@Webhooks(@Webhook(name = "notification", operation = @Operation(method = "post", operationId = "notification",
        summary = "A message to a webhook channel's URL: a violation, a test, or a storm summary",
        description = "Sent by the dispatcher once per event and channel; retried with the same delivery key. "
                + "Verify the signature over the raw body before parsing it, and drop a delivery key seen before.",
        parameters = {
            @Parameter(in = ParameterIn.HEADER, name = WebhookHeaders.DELIVERY, required = true,
                    description = "The delivery's key: the event id, or one derived from a summary's window; "
                            + "the same on every retry", schema = @Schema(type = "string", format = "uuid")),
            @Parameter(in = ParameterIn.HEADER, name = WebhookHeaders.IDEMPOTENCY_KEY, required = true,
                    description = "The same key as " + WebhookHeaders.DELIVERY,
                    schema = @Schema(type = "string", format = "uuid")),
            @Parameter(in = ParameterIn.HEADER, name = WebhookHeaders.SIGNATURE, required = true,
                    description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" with the channel's "
                            + "signing secret>; refuse a t more than 5 minutes from your clock",
                    schema = @Schema(type = "string", pattern = "^t=\\d+,v1=[0-9a-f]{64}$"))},
        requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                schema = @Schema(oneOf = {WebhookAlertMessage.class, WebhookSummaryMessage.class}))),
        responses = {
            @ApiResponse(responseCode = "2XX", description = "Delivered"),
            @ApiResponse(responseCode = "5XX", description = "Tried again later, as are 408, 429 and timeouts "
                    + "(connect 5 s, whole request 10 s), with exponential backoff for 24 h"),
            @ApiResponse(responseCode = "default", description = "Any other answer, a redirect included, "
                    + "fails the delivery at once")})))
class WebhookDocumentation {
}
