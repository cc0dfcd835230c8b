package io.hardhats.web;

import org.springframework.http.HttpStatus;

/** The one error body of the API: a short machine-readable code and a sentence for people. */
public record ApiError(String error, String detail) {

    /**
     * The body for a bare status, when all that is known is the status: a request the servlet
     * container or the security firewall refused before any controller saw it.
     */
    public static ApiError of(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null || known.is5xxServerError()) {
            return new ApiError("internal_error", "something went wrong on our side");
        }
        return switch (known) {
            case BAD_REQUEST -> new ApiError("bad_request", "the request is malformed or its path is not allowed");
            case UNAUTHORIZED -> new ApiError("unauthorized", "sign in first");
            case FORBIDDEN -> new ApiError("forbidden", "this request is not allowed");
            case NOT_FOUND -> new ApiError("not_found", "no such resource");
            case METHOD_NOT_ALLOWED -> new ApiError("method_not_allowed", "this method is not allowed here");
            case PAYLOAD_TOO_LARGE -> new ApiError("payload_too_large", "the request body is too large");
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE ->
                    new ApiError("request_too_large", "the request line or its headers are too long");
            default -> new ApiError(known.name().toLowerCase(), "the request was refused: "
                    + known.getReasonPhrase().toLowerCase());
        };
    }
}
