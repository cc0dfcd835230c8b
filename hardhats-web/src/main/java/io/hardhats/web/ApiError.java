package io.hardhats.web;

/** The one error body of the API: a short machine-readable code and a sentence for people. */
public record ApiError(String error, String detail) {
}
