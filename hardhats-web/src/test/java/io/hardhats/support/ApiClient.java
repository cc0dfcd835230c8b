package io.hardhats.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like HTTP client for one person: keeps the session cookie it is given (whatever its
 * Secure flag, since tests speak plain http) and sends JSON bodies.
 */
public class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private String sessionCookie;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public ApiClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public String sessionCookie() {
        return sessionCookie;
    }

    public ApiClient withSessionCookie(String token) {
        this.sessionCookie = token;
        return this;
    }

    public HttpResult get(String path) {
        return send("GET", path, null, null);
    }

    public HttpResult delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    public HttpResult post(String path, Object body) {
        return send("POST", path, body == null ? null : toJson(body), "application/json");
    }

    public HttpResult patch(String path, Object body) {
        return send("PATCH", path, toJson(body), "application/json");
    }

    public HttpResult put(String path, Object body) {
        return send("PUT", path, toJson(body), "application/json");
    }

    /**
     * A multipart/form-data POST of one file, as the dashboard's upload sends it: with the
     * {@code X-Requested-With} header when {@code requestedWith} (a cross-site form cannot set it).
     */
    public HttpResult upload(String path, String field, String filename, String fileType, byte[] content,
            boolean requestedWith) {
        String boundary = "----hardhats" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + fileType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (requestedWith) {
            request.header("X-Requested-With", "XMLHttpRequest");
        }
        request.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return exchange(request);
    }

    /** A request with a raw body and content type, for malformed-input tests. */
    public HttpResult send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return exchange(request);
    }

    /** A GET of a picture, its bytes as they came (a JSON error body too). */
    public HttpResponse<byte[]> getBytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResult exchange(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        HttpResult result = new HttpResult(response.statusCode(), response.headers(), response.body());
        rememberCookie(result);
        return result;
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        headers.forEach(request::header);
        if (sessionCookie != null) {
            request.header("Cookie", "session=" + sessionCookie);
        }
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void rememberCookie(HttpResult result) {
        for (String cookie : result.setCookies()) {
            if (cookie.startsWith("session=")) {
                String value = cookie.substring("session=".length(), cookie.indexOf(';'));
                sessionCookie = value.isEmpty() ? null : value;
            }
        }
    }

    public static String toJson(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }
}
