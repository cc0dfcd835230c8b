import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events API under a fixed-rate open-loop load: requests are sent on a schedule whatever the
 * responses do, and each latency is measured from its scheduled send time (no coordinated
 * omission). Scenarios: the newest page (limit=50), a filtered page (violation_type + camera_id),
 * and deep paging with next_cursor values collected beforehand. Localhost only; bounded in time.
 *
 * java bench/live/EventsApiLoad.java setup [port] [cameras]        prints: COOKIE ORG_ID CAMERA_ID,...
 * java bench/live/EventsApiLoad.java load [port] COOKIE CAMERA_ID [rps] [seconds]
 */
public class EventsApiLoad {

    static final String HOST = "127.0.0.1";
    static final Pattern NEXT = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "load";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8124;
        String base = "http://" + HOST + ":" + port;
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2))
                .version(HttpClient.Version.HTTP_1_1).build();
        if (mode.equals("setup")) {
            int cameras = args.length > 2 ? Integer.parseInt(args[2]) : 10;
            String cookie = register(http, base);
            String me = get(http, base + "/api/v1/auth/me", cookie).body();
            Matcher om = Pattern.compile("\"organization\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(me);
            om.find();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < cameras; i++) {
                ids.add(createCamera(http, base, cookie, "bench cam " + i).toString());
            }
            System.out.println(cookie + " " + om.group(1) + " " + String.join(",", ids));
            System.exit(0);
        }
        String cookie = args[2];
        String camera = args[3];
        int rps = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;

        // Cursors for the paging scenario: walk the newest 200 pages once, sequentially.
        List<String> cursors = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 200; i++) {
            String body = get(http, base + "/api/v1/events?limit=50" + (cursor == null ? "" : "&cursor=" + enc(cursor)), cookie).body();
            Matcher m = NEXT.matcher(body);
            if (!m.find()) {
                break;
            }
            cursor = m.group(1);
            cursors.add(cursor);
        }

        run(http, cookie, i -> base + "/api/v1/events?limit=50", rps, 5); // warm-up, not reported
        StringBuilder out = new StringBuilder("{\"benchmark\":\"events_api\",\"java_client\":\"")
                .append(System.getProperty("java.version")).append("\",\"rps\":").append(rps)
                .append(",\"seconds\":").append(seconds).append(",\"paging_cursors\":").append(cursors.size())
                .append(",\"scenarios\":[");
        out.append(result("newest_page", run(http, cookie, i -> base + "/api/v1/events?limit=50", rps, seconds))).append(',');
        out.append(result("filtered", run(http, cookie,
                i -> base + "/api/v1/events?limit=50&violation_type=no_vest&camera_id=" + camera, rps, seconds))).append(',');
        out.append(result("paging_next_cursor", run(http, cookie,
                i -> base + "/api/v1/events?limit=50&cursor=" + enc(cursors.get(i % cursors.size())), rps, seconds)));
        out.append("]}");
        System.out.println(out);
        System.exit(0);
    }

    interface Url {
        String at(int i);
    }

    record Result(long[] sortedNanos, int sent, int errors, int non200, double seconds) {
    }

    static Result run(HttpClient http, String cookie, Url url, int rps, int seconds) throws Exception {
        int total = rps * seconds;
        long[] lat = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger non200 = new AtomicInteger();
        List<CompletableFuture<?>> inflight = new ArrayList<>(total);
        long period = 1_000_000_000L / rps;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int slot = i;
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.at(i))).header("Cookie", cookie).build();
            inflight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                lat[slot] = System.nanoTime() - due;
                if (e != null) {
                    errors.incrementAndGet();
                } else if (r.statusCode() != 200) {
                    non200.incrementAndGet();
                }
            }));
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        try {
            CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // counted below as errors through whenComplete, or as timeouts
        }
        long[] sorted = lat.clone();
        Arrays.sort(sorted);
        return new Result(sorted, total, errors.get(), non200.get(), sendSeconds);
    }

    static String result(String name, Result r) {
        long[] s = r.sortedNanos();
        return String.format(Locale.ROOT,
                "{\"scenario\":\"%s\",\"requests\":%d,\"send_seconds\":%.1f,\"errors\":%d,\"non_200\":%d,"
                        + "\"latency_ms\":{\"p50\":%.1f,\"p95\":%.1f,\"p99\":%.1f,\"max\":%.1f}}",
                name, r.sent(), r.seconds(), r.errors(), r.non200(), ms(s, 50), ms(s, 95), ms(s, 99), s[s.length - 1] / 1e6);
    }

    static double ms(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(HttpClient http, String url, String cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String register(HttpClient client, String base) throws Exception {
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String body = "{\"organization_name\":\"Bench " + email + "\",\"email\":\"" + email
                + "\",\"password\":\"bench-password-123\",\"full_name\":\"Bench\"}";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("register: " + r.statusCode() + " " + r.body());
        }
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    static UUID createCamera(HttpClient client, String base, String cookie, String name) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"source_type\":\"rtsp\",\"rtsp_url\":\"rtsp://192.0.2.10/x\"}";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cameras"))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("camera: " + r.statusCode() + " " + r.body());
        }
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(r.body());
        m.find();
        return UUID.fromString(m.group(1));
    }

}
