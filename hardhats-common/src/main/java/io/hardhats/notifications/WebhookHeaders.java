package io.hardhats.notifications;

/** The headers every HTTP delivery carries, as the worker sends them and the API documentation names them. */
public final class WebhookHeaders {

    /** The delivery's key: the event id, or one derived from a summary's window; the same on every retry. */
    public static final String DELIVERY = "X-Hardhats-Delivery";
    /** The same key under the name many receivers already deduplicate on. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, on channels with a signing secret. */
    public static final String SIGNATURE = "X-Hardhats-Signature";

    private WebhookHeaders() {
    }
}
