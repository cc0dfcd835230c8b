package live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import common.BenchApi;
import common.Percentiles;
import common.RespRedis;
import common.SseLines;

/**
 * SSE fan-out latency: N clients held on GET /api/sse/events of one organisation while this
 * process publishes violation messages on events/{org_id} in Redis, each carrying
 * System.nanoTime() at publish; every client records receipt - publish. Same JVM for both ends,
 * so the clock is shared. Clients: one java.net.http.HttpClient on two executor threads, a line
 * parser per stream (no thread per client). Localhost only; bounded in time.
 *
 * java bench/live/SseLatency.java [port] [redisPort] [clients] [messages] [ratePerSecond]
 */
public class SseLatency {

    static final Pattern SENT = Pattern.compile("\"sent_at_nanos\"\\s*:\\s*(\\d+)");

    static long[] latencies;
    static final AtomicInteger recorded = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (NumberFormatException e) {
            System.err.println("usage: SseLatency [port] [redisPort] [clients] [messages] [ratePerSecond]");
            System.exit(2);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the HTTP client's threads would keep a failed run alive
        }
    }

    static void run(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8124;
        int redisPort = args.length > 1 ? Integer.parseInt(args[1]) : 6391;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int messages = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : 2.0;
        latencies = new long[clients * messages + clients];

        BenchApi api = new BenchApi(port);
        String cookie = api.register();
        UUID org = UUID.fromString(api.organizationId(cookie));

        List<SseLines> all = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            all.add(api.open("/api/sse/events", cookie, new SseLines(SseLatency::record), "Accept", "text/event-stream"));
            if (i % 100 == 99) {
                Thread.sleep(50); // stay inside the server's accept backlog
            }
        }
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline && all.stream().anyMatch(c -> c.status() == 0 && c.error() == null)) {
            Thread.sleep(100);
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        int open = (int) all.stream().filter(c -> c.status() == 200 && c.error() == null).count();
        Thread.sleep(2000);

        RespRedis redis = new RespRedis(redisPort);
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            long wait = start + i * period - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String json = "{\"type\":\"violation\",\"id\":\"" + UUID.randomUUID() + "\",\"data\":{\"seq\":" + i
                    + ",\"violation_type\":\"no_hardhat\",\"severity\":\"high\",\"sent_at_nanos\":" + System.nanoTime() + "}}";
            redis.publish("events/" + org, json);
        }
        Thread.sleep(5000); // deliveries still in flight
        redis.close();
        all.forEach(SseLines::cancel);

        int n = Math.min(recorded.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        long expected = (long) open * messages;
        int errors = (int) all.stream().filter(SseLines::failed).count();
        long under250 = Arrays.stream(sorted).filter(v -> v < 250_000_000L).count();
        System.out.println(String.format(Locale.ROOT,
                "{\"benchmark\":\"sse_latency\",\"java_client\":\"%s\",\"clients\":%d,\"open\":%d,\"errors\":%d,"
                        + "\"connect_seconds\":%.1f,\"messages\":%d,\"rate_per_s\":%.1f,\"deliveries_expected\":%d,"
                        + "\"deliveries_received\":%d,\"latency_ms\":{\"p50\":%.1f,\"p90\":%.1f,\"p99\":%.1f,\"max\":%.1f},"
                        + "\"pct_under_250ms\":%.2f}",
                System.getProperty("java.version"), clients, open, errors, connectSeconds, messages, rate, expected, n,
                ms(sorted, 50), ms(sorted, 90), ms(sorted, 99), Percentiles.max(sorted) / 1e6,
                n == 0 ? 0 : 100.0 * under250 / n));
        System.exit(0);
    }

    /** Records the latency of every data line carrying sent_at_nanos. */
    static void record(CharSequence line, long arrivedNanos) {
        if (line.length() > 5 && line.charAt(0) == 'd' && line.toString().startsWith("data:")) {
            Matcher m = SENT.matcher(line);
            if (m.find()) {
                int slot = recorded.getAndIncrement();
                if (slot < latencies.length) {
                    latencies[slot] = arrivedNanos - Long.parseLong(m.group(1));
                }
            }
        }
    }

    static double ms(long[] sorted, double p) {
        return Percentiles.of(sorted, p) / 1e6;
    }
}
