package io.hardhats.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Checks of the API's one error shape: {@code {"error": "...", "detail": "..."}} and nothing else. */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** Asserts the status and the error shape; answers the detail for further checks. */
    public static String assertError(HttpResult result, int status) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.header("Content-Type")).as("content type of " + result).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = result.json();
        List<String> fields = new ArrayList<>(body.propertyNames());
        assertThat(fields).as("fields of " + result).containsExactlyInAnyOrder("error", "detail");
        assertThat(body.path("error").isString()).as(result.toString()).isTrue();
        assertThat(body.path("error").asString()).as(result.toString()).matches("[a-z_]+");
        assertThat(body.path("detail").isString()).as(result.toString()).isTrue();
        assertThat(body.path("detail").asString()).as(result.toString()).isNotBlank();
        return body.path("detail").asString();
    }

    /** Asserts the status, the error shape and the error code; answers the detail. */
    public static String assertError(HttpResult result, int status, String error) {
        String detail = assertError(result, status);
        assertThat(result.text("error")).as(result.toString()).isEqualTo(error);
        return detail;
    }
}
