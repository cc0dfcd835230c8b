package io.hardhats.support;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A response as tests look at it: status, headers, raw body and the body as JSON. */
public record HttpResult(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    public String text(String field) {
        return json().path(field).asString();
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public List<String> setCookies() {
        return headers.allValues("set-cookie");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
