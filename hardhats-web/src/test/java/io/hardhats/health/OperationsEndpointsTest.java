package io.hardhats.health;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;

import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and platforms call: health checks, API documentation and metrics. */
class OperationsEndpointsTest extends ApiTest {

    private HttpResponse<String> follow(String path) throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void livenessIsAlwaysOk() {
        HttpResult live = client().get("/health");
        assertThat(live.status()).isEqualTo(200);
        assertThat(new ArrayList<>(live.json().propertyNames())).containsExactly("status");
        assertThat(live.text("status")).isEqualTo("ok");
    }

    @Test
    void readinessChecksTheDatabase() {
        HttpResult ready = client().get("/health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.text("status")).isEqualTo("ready");
        assertThat(ready.json().path("checks").path("database").asString()).isEqualTo("ok");
        assertThat(ready.json().path("checks").has("redis")).as("no Redis is configured").isFalse();
    }

    @Test
    void theApiDocumentationIsServed() throws Exception {
        HttpResponse<String> ui = follow("/api/docs");
        assertThat(ui.statusCode()).as(ui.uri() + " " + ui.body()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(ui.body()).containsIgnoringCase("swagger");
        // What the page loads next, without a session: its script and its configuration.
        String uiBase = ui.uri().getPath().substring(0, ui.uri().getPath().lastIndexOf('/'));
        HttpResponse<String> initializer = follow(uiBase + "/swagger-initializer.js");
        assertThat(initializer.statusCode()).as(initializer.uri().toString()).isEqualTo(200);
        HttpResponse<String> config = follow("/api/docs/openapi.json/swagger-config");
        assertThat(config.statusCode()).as(config.uri() + " " + config.body()).isEqualTo(200);
        assertThat(config.body()).contains("/api/docs/openapi.json");

        HttpResult spec = client().get("/api/docs/openapi.json");
        assertThat(spec.status()).as(spec.toString()).isEqualTo(200);
        JsonNode paths = spec.json().path("paths");
        assertThat(spec.json().path("openapi").asString()).startsWith("3.");
        assertThat(paths.has("/api/v1/cameras")).as(paths.propertyNames().toString()).isTrue();
        assertThat(paths.has("/api/v1/events")).isTrue();
        assertThat(paths.has("/api/v1/auth/login")).isTrue();
    }

    @Test
    void prometheusMetricsAreExposed() {
        HttpResult metrics = client().get("/actuator/prometheus");
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        assertThat(metrics.header("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void unknownApiPathsAreNotFoundInTheErrorShape() {
        Member admin = register("Ops Corp");
        assertError(admin.client().get("/api/v1/nope"), 404, "not_found");
        assertError(admin.client().post("/api/v1/nope", java.util.Map.of("a", 1)), 404, "not_found");
        assertError(client().get("/api/v1/nope"), 401, "unauthorized");
        assertError(admin.client().send("PATCH", "/api/v1/cameras", "{}", "application/json"), 405,
                "method_not_allowed");
    }
}
