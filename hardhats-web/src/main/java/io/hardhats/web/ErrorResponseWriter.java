package io.hardhats.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@link ApiError} bodies outside Spring MVC: from filters and security handlers, which run
 * before its exception handling, and from the servlet container's own error reports.
 */
@Component
public class ErrorResponseWriter {

    private final JsonMapper json;

    public ErrorResponseWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ApiException failure) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(failure.status().value());
        if (failure.retryAfterSeconds() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, failure.retryAfterSeconds());
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(failure.body()));
        response.flushBuffer();
    }

    public String json(ApiError error) {
        return json.writeValueAsString(error);
    }
}
