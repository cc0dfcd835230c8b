package io.hardhats.web;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that fail before, around or outside the controllers still answer a 4xx in the one
 * error shape: rejections by the servlet container and the security firewall, the error page
 * itself, odd content types, incomplete uploads, duplicate JSON keys, NUL characters and
 * instants no database can store.
 */
class ErrorShapeTest extends ApiTest {

    private Member admin;
    private UUID cameraId;

    @BeforeEach
    void organisationWithOneCamera() {
        admin = register("Error Shape Corp");
        cameraId = createCamera(admin, "Gate");
    }

    @Test
    void duplicateJsonKeysAreRefusedAndTheLastOneDoesNotWin() {
        int usersBefore = admin.client().get("/api/v1/users").json().size();
        String body = "{\"email\": \"" + uniqueEmail("twice") + "\", \"password\": \"" + PASSWORD
                + "\", \"full_name\": \"Twice\", \"role\": \"operator\", \"role\": \"admin\"}";
        String detail = assertError(admin.client().send("POST", "/api/v1/users", body, "application/json"), 400,
                "bad_request");
        assertThat(detail).contains("duplicate");
        assertThat(admin.client().get("/api/v1/users").json().size()).isEqualTo(usersBefore);

        String nested = "{\"settings\": {\"theme\": \"dark\", \"theme\": \"light\"}}";
        assertError(admin.client().send("PUT", "/api/v1/organization", nested, "application/json"), 400,
                "bad_request");
        assertThat(admin.client().get("/api/v1/organization").json().path("settings").has("theme")).isFalse();
    }

    @Test
    void aNulCharacterInTextIsAValidationError() {
        String before = admin.client().get("/api/v1/cameras/" + cameraId).body();
        String detail = assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("name", "Gate\u0000")),
                422, "validation_failed");
        assertThat(detail).contains("name");
        assertError(admin.client().post("/api/v1/cameras", Map.of("name", "A\u0000B", "source_type", "rtsp",
                "rtsp_url", "rtsp://192.0.2.20/x")), 422, "validation_failed");
        assertError(admin.client().put("/api/v1/organization", Map.of("name", "\u0000")), 422);
        assertError(admin.client().put("/api/v1/organization", Map.of("settings", Map.of("k\u0000", "v"))), 422);
        assertError(admin.client().put("/api/v1/organization", Map.of("settings", Map.of("k", List.of("\u0000")))),
                422);
        assertError(client().post("/api/v1/auth/login", Map.of("email", "a\u0000@example.test",
                "password", PASSWORD)), 422);
        assertThat(admin.client().get("/api/v1/cameras/" + cameraId).body()).isEqualTo(before);
    }

    @Test
    void aWildcardContentTypeIsAnUnsupportedMediaType() {
        HttpResult result = admin.client().header("X-Requested-With", "XMLHttpRequest")
                .send("POST", "/api/v1/cameras", "{\"name\": \"Crane\"}", "*/*");
        assertError(result, 415, "unsupported_media_type");
        assertError(admin.client().send("PUT", "/api/v1/cameras/" + cameraId, "{}", "application/*"), 415);
        assertError(admin.client().send("POST", "/api/v1/cameras", "{}", "not a media type"), 415);
        assertThat(admin.client().get("/api/v1/cameras").json().size()).isEqualTo(1);
    }

    @Test
    void anUploadWithoutItsFilePartIsABadRequest() {
        HttpResult result = admin.client().upload("/api/v1/cameras/" + cameraId + "/placeholder", "video",
                "clip.mp4", "video/mp4", new byte[] {1, 2, 3}, true);
        assertThat(assertError(result, 400, "bad_request")).contains("file");
        assertThat(admin.client().get("/api/v1/cameras/" + cameraId).json().path("has_placeholder_video").asBoolean())
                .isFalse();
    }

    @Test
    void instantsOutsideWhatCanBeStoredAreValidationErrors() {
        for (String instant : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z"}) {
            String encoded = URLEncoder.encode(instant, StandardCharsets.UTF_8);
            assertThat(assertError(admin.client().get("/api/v1/events?from=" + encoded), 422, "validation_failed"))
                    .contains("from");
            assertThat(assertError(admin.client().get("/api/v1/events?to=" + encoded), 422, "validation_failed"))
                    .contains("to");
        }
        for (long micros : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 9_000_000_000_000_000_000L}) {
            String cursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            for (String path : new String[] {"/api/v1/events", "/api/v1/audit-logs"}) {
                assertError(admin.client().get(path + "?cursor=" + cursor), 400, "bad_request");
            }
        }
        assertThat(admin.client().get("/api/v1/events?from=2026-01-01T00:00:00Z").status()).isEqualTo(200);

        for (String days : new String[] {"from=%2B999999999-12-01&to=%2B999999999-12-31",
                "from=-999999999-01-01&to=-999999999-01-31", "from=%2B999999999-12-31&to=%2B999999999-12-31"}) {
            HttpResult stats = admin.client().get("/api/v1/stats/daily?" + days);
            assertThat(stats.status()).as(days + ": " + stats).isBetween(400, 499);
            assertError(stats, stats.status());
        }
    }

    @Test
    void aQueryParameterWithoutANameIsABadRequest() {
        assertError(admin.client().get("/api/v1/events?=x"), 400, "bad_request");
        assertError(admin.client().get("/api/v1/stats/daily?from=2026-01-01&=%40"), 400, "bad_request");
    }

    @Test
    void theErrorPageItselfAnswersInTheOneShape() {
        assertError(client().get("/error"), 404, "not_found");
        assertError(admin.client().get("/error"), 404, "not_found");
        assertError(client().send("POST", "/error", "{}", "application/json"), 404, "not_found");
    }

    @Test
    void pathsTheFirewallRefusesAnswerInTheOneShape() throws IOException {
        for (String path : new String[] {"/api/v1//cameras", "//api/v1/cameras", "/api/v1/./cameras",
                "/api/v1/cameras/%2e%2e/users", "/api/v1/cameras;jsessionid=1", "/api/v1/cameras/%00"}) {
            HttpResult result = raw("GET " + path + " HTTP/1.1");
            assertThat(result.status()).as(path + ": " + result).isBetween(400, 404);
            assertError(result, result.status());
        }
    }

    @Test
    void requestsTheContainerRefusesAnswerInTheOneShape() throws IOException {
        for (String line : new String[] {"GET /api/v1/..%2f..%2fetc HTTP/1.1", "GET /api/v1/cameras/..%2f HTTP/1.1",
                "GET /api/v1/events?cursor=" + "A".repeat(10_000) + " HTTP/1.1",
                "GET /api/v1/%ZZ HTTP/1.1"}) {
            HttpResult result = raw(line);
            assertThat(result.status()).as(line.substring(0, Math.min(80, line.length())) + ": " + result)
                    .isBetween(400, 499);
            assertError(result, result.status());
        }
    }

    /** One request written byte for byte, as a client that does not normalise its path sends it. */
    private HttpResult raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nCookie: session=" + admin.client().sessionCookie()
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, headerEnd).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            boolean chunked = false;
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                String name = head[i].substring(0, colon).trim();
                String value = head[i].substring(colon + 1).trim();
                headers.put(name, List.of(value));
                chunked |= name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked");
            }
            String body = response.substring(headerEnd + 4);
            return new HttpResult(status, HttpHeaders.of(headers, (a, b) -> true), chunked ? dechunk(body) : body);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
