package live;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import common.BenchApi;
import common.Percentiles;

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

    static final Pattern NEXT = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([^\"]+)\"");
    static final String USAGE = """
            usage: EventsApiLoad setup [port] [cameras]
                   EventsApiLoad load [port] COOKIE CAMERA_ID [rps] [seconds]""";

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println(USAGE);
            System.exit(2);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the HTTP client's threads would keep a failed run alive
        }
    }

    static void run(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "load";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8124;
        BenchApi api = new BenchApi(port);
        if (mode.equals("setup")) {
            int cameras = args.length > 2 ? Integer.parseInt(args[2]) : 10;
            String cookie = api.register();
            String org = api.organizationId(cookie);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < cameras; i++) {
                ids.add(api.createCamera(cookie, "bench cam " + i, BenchApi.UNREACHABLE_RTSP));
            }
            System.out.println(cookie + " " + org + " " + String.join(",", ids));
            System.exit(0);
        }
        if (!mode.equals("load")) {
            throw new IllegalArgumentException(mode);
        }
        String cookie = args[2];
        String camera = args[3];
        int rps = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;

        // Cursors for the paging scenario: walk the newest 200 pages once, sequentially.
        List<String> cursors = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 200; i++) {
            String body = api.get("/api/v1/events?limit=50" + (cursor == null ? "" : "&cursor=" + enc(cursor)), cookie).body();
            Matcher m = NEXT.matcher(body);
            if (!m.find()) {
                break;
            }
            cursor = m.group(1);
            cursors.add(cursor);
        }

        run(api, cookie, i -> "/api/v1/events?limit=50", rps, 5); // warm-up, not reported
        StringBuilder out = new StringBuilder("{\"benchmark\":\"events_api\",\"java_client\":\"")
                .append(System.getProperty("java.version")).append("\",\"rps\":").append(rps)
                .append(",\"seconds\":").append(seconds).append(",\"paging_cursors\":").append(cursors.size())
                .append(",\"scenarios\":[");
        out.append(result("newest_page", run(api, cookie, i -> "/api/v1/events?limit=50", rps, seconds))).append(',');
        out.append(result("filtered", run(api, cookie,
                i -> "/api/v1/events?limit=50&violation_type=no_vest&camera_id=" + camera, rps, seconds))).append(',');
        out.append(result("paging_next_cursor", run(api, cookie,
                i -> "/api/v1/events?limit=50&cursor=" + enc(cursors.get(i % cursors.size())), rps, seconds)));
        out.append("]}");
        System.out.println(out);
        System.exit(0);
    }

    interface Url {
        String at(int i);
    }

    record Result(long[] sortedNanos, int sent, int errors, int non200, double seconds) {
    }

    static Result run(BenchApi api, String cookie, Url url, int rps, int seconds) throws Exception {
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
            inflight.add(api.fire(url.at(i), cookie).whenComplete((r, e) -> {
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
            CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
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
                name, r.sent(), r.seconds(), r.errors(), r.non200(), ms(s, 50), ms(s, 95), ms(s, 99), Percentiles.max(s) / 1e6);
    }

    static double ms(long[] sorted, double p) {
        return Percentiles.of(sorted, p) / 1e6;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
