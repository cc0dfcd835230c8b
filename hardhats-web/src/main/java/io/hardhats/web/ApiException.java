package io.hardhats.web;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** A failure the client can act on; rendered as {@link ApiError} with its status. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String error, String detail) {
        this(status, error, detail, null);
    }

    private ApiException(HttpStatus status, String error, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found");
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", detail);
    }

    public static ApiException invalid(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "validation_failed", detail);
    }

    public static ApiException conflict(String error, String detail) {
        return new ApiException(HttpStatus.CONFLICT, error, detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    public static ApiException tooManyRequests(Duration retryAfter) {
        return tooManyRequests("rate_limited", "too many attempts; retry in " + Math.max(1, retryAfter.toSeconds())
                + " s", retryAfter);
    }

    public static ApiException tooManyRequests(String error, String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, error, detail, retryAfter);
    }

    public static ApiException unavailable(String error, String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, error, detail, retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** The {@code Retry-After} header's value in whole seconds (at least one), or null: only 429 and 503 set it. */
    public String retryAfterSeconds() {
        return retryAfter == null ? null : Long.toString(Math.max(1, retryAfter.toSeconds()));
    }

    public ApiError body() {
        return new ApiError(error, getMessage());
    }
}
