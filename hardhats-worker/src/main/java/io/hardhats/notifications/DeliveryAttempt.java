package io.hardhats.notifications;

/**
 * How one attempt to deliver went, as the delivery log shows it.
 *
 * @param httpStatus the receiver's HTTP status, or {@code null} for e-mail and for failures before an answer
 * @param reply the SMTP reply or the first characters of the HTTP answer, or {@code null}
 * @param error what went wrong, in words; {@code null} when delivered
 */
public record DeliveryAttempt(Result result, Integer httpStatus, String reply, String error) {

    public enum Result {
        /** The receiver accepted it. */
        DELIVERED,
        /** Worth trying again later: a timeout, a refused connection, HTTP 429 or 5xx, an SMTP 4xx reply. */
        RETRY,
        /** Trying again cannot help: HTTP 4xx other than 408 and 429, an SMTP 5xx reply, an address the policy refuses. */
        FAILED
    }
}
