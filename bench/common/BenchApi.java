package common;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hard Hats HTTP calls the bench clients share, on one HTTP/1.1 client with two executor
 * threads (streams are parsed by subscribers, never a thread per connection). 127.0.0.1 only.
 */
public final class BenchApi {

    public static final String HOST = "127.0.0.1";
    /** A camera source that is never connected to in the web-only benchmarks (a documentation address). */
    public static final String UNREACHABLE_RTSP = "\"source_type\":\"rtsp\",\"rtsp_url\":\"rtsp://192.0.2.10/x\"";
    public static final String FILE_PLACEHOLDER = "\"source_type\":\"file\",\"use_placeholder\":true";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern ORGANIZATION_ID =
            Pattern.compile("\"organization\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    // Cookie sessions must mark state-changing requests that are not JSON (uploads); harmless on the rest.
    private static final String[] MARK = {"X-Requested-With", "bench"};

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public BenchApi(int port) {
        this.base = "http://" + HOST + ":" + port;
    }

    public String url(String path) {
        return base + path;
    }

    /** Registers a new organisation and its admin; answers the session cookie ({@code session=...}). */
    public String register() throws IOException, InterruptedException {
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String body = "{\"organization_name\":\"Bench " + email + "\",\"email\":\"" + email
                + "\",\"password\":\"bench-password-123\",\"full_name\":\"Bench\"}";
        HttpResponse<String> r = check("register", http.send(request("/api/v1/auth/register", null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()));
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    public String organizationId(String cookie) throws IOException, InterruptedException {
        String me = get("/api/v1/auth/me", cookie).body();
        Matcher m = ORGANIZATION_ID.matcher(me);
        if (!m.find()) {
            throw new IllegalStateException("no organisation in " + me);
        }
        return m.group(1);
    }

    /** Creates a camera named {@code name} with the given JSON fields (source, rate...); answers its id. */
    public String createCamera(String cookie, String name, String fields) throws IOException, InterruptedException {
        String body = "{\"name\":\"" + name + "\"," + fields + "}";
        HttpResponse<String> r = check("camera", http.send(request("/api/v1/cameras", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()));
        Matcher m = ID.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("camera: no id in " + r.body());
        }
        return m.group(1);
    }

    /** POSTs a JSON body; answers the response body, failing on any status but 2xx. */
    public String postJson(String path, String cookie, String json) throws IOException, InterruptedException {
        return check(path, http.send(request(path, cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())).body();
    }

    /** Uploads {@code file} as the camera's placeholder video; answers the camera as JSON. */
    public String uploadPlaceholder(String cookie, String cameraId, Path file) throws IOException, InterruptedException {
        String boundary = "----bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] data = Files.readAllBytes(file);
        byte[] body = new byte[head.length + data.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(data, 0, body, head.length, data.length);
        System.arraycopy(tail, 0, body, head.length + data.length, tail.length);
        return check("upload", http.send(request("/api/v1/cameras/" + cameraId + "/placeholder", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString())).body();
    }

    public HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        return http.send(request(path, cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path, String cookie) throws IOException, InterruptedException {
        return http.send(request(path, cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends a request without waiting for anything; for open-loop load. */
    public java.util.concurrent.CompletableFuture<HttpResponse<Void>> fire(String path, String cookie) {
        return http.sendAsync(request(path, cookie).build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Opens a long-lived GET (MJPEG, SSE) whose body {@code stream} parses as it arrives; extra
     * headers as name, value pairs. Answers {@code stream}.
     */
    public <T extends HttpStream> T open(String path, String cookie, T stream, String... headers) {
        HttpRequest.Builder request = request(path, cookie);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        http.sendAsync(request.GET().build(), info -> {
            stream.status = info.statusCode();
            return HttpResponse.BodySubscribers.fromSubscriber(stream);
        }).whenComplete((r, e) -> {
            if (e != null) {
                stream.failed(e);
            }
        });
        return stream;
    }

    private HttpRequest.Builder request(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header(MARK[0], MARK[1]);
        return cookie == null ? b : b.header("Cookie", cookie);
    }

    private static <T> HttpResponse<T> check(String what, HttpResponse<T> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
        }
        return r;
    }
}
