package notify;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import common.BenchApi;
import common.Percentiles;

/**
 * Notifications-benchmark helper (JDK 22+ with bench/common, localhost only).
 *
 *   java bench/notify/NotifyClient.java setup PORT ORGS RECEIVER_PORT PLAN
 *       -> registers ORGS organisations, each with one inactive camera and one webhook channel to
 *          http://127.0.0.1:RECEIVER_PORT/hook/{n} (storm limit 1,000 alerts per 10 s, so no alert is
 *          held); writes PLAN lines "organization_id camera_id channel_id signing_secret"
 *   java bench/notify/NotifyClient.java receive RECEIVER_PORT PLAN OUT
 *       -> the webhook receiver, until killed: answers 200 at once and appends to OUT, per request,
 *          "delivery_key org_number received_ms type signature_ok" (signature checked on every
 *          request: HMAC-SHA256 of "t.body" with the channel's secret, t within 5 minutes)
 *   java bench/notify/NotifyClient.java report COMMITS RECEIPTS DELIVERIES
 *       -> one JSON line: commit-to-receipt latency, lost and duplicated deliveries, signatures.
 *          COMMITS: "event_id organization_id scheduled_ms committed_ms" (ViolationLoadBenchmark);
 *          DELIVERIES: "event_id status attempts created_ms delivered_ms" of every alert delivery
 *          (delivered_ms 0 when not delivered)
 *   java bench/notify/NotifyClient.java window BEFORE AFTER CLK_TCK
 *       -> one JSON line: the change between two snapshots of "name value" lines (run.sh), per
 *          delivery and per second
 */
public class NotifyClient {

    static final String USAGE = """
            usage: NotifyClient setup PORT ORGS RECEIVER_PORT PLAN
                   NotifyClient receive RECEIVER_PORT PLAN OUT
                   NotifyClient report COMMITS RECEIPTS DELIVERIES
                   NotifyClient window BEFORE AFTER CLK_TCK""";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern SECRET = Pattern.compile("\"signing_secret\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([a-z]+)\"");
    private static final long REPLAY_WINDOW_S = 300;

    public static void main(String[] a) throws Exception {
        try {
            switch (a[0]) {
                case "setup" -> setup(new BenchApi(Integer.parseInt(a[1])), Integer.parseInt(a[2]),
                        Integer.parseInt(a[3]), Path.of(a[4]));
                case "receive" -> {
                    receive(Integer.parseInt(a[1]), Path.of(a[2]), Path.of(a[3]));
                    return; // the server's threads keep running until the process is killed
                }
                case "report" -> report(Path.of(a[1]), Path.of(a[2]), Path.of(a[3]));
                case "window" -> window(Path.of(a[1]), Path.of(a[2]), Integer.parseInt(a[3]));
                default -> throw new IllegalArgumentException(a[0]);
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println(USAGE);
            System.exit(2);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void setup(BenchApi api, int organizations, int receiverPort, Path plan) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= organizations; n++) {
            String cookie = api.register();
            String organization = api.organizationId(cookie);
            // Inactive: the camera only gives the violations a home; no worker reads from it.
            String camera = api.createCamera(cookie, "gate-" + n, BenchApi.UNREACHABLE_RTSP + ",\"is_active\":false");
            String channel = api.postJson("/api/v1/notification-channels", cookie, "{\"name\":\"bench hook\","
                    + "\"kind\":\"webhook\",\"target\":\"http://127.0.0.1:" + receiverPort + "/hook/" + n + "\","
                    + "\"storm\":{\"max_alerts\":1000,\"window_seconds\":10}}");
            lines.add(organization + " " + camera + " " + find(ID, channel) + " " + find(SECRET, channel));
        }
        Files.write(plan, lines);
        System.out.println(organizations);
    }

    static void receive(int port, Path plan, Path out) throws IOException {
        List<String> secrets = Files.readAllLines(plan).stream().filter(l -> !l.isBlank())
                .map(l -> l.trim().split("\\s+")[3]).toList();
        BufferedWriter log = Files.newBufferedWriter(out);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long receivedMs = System.currentTimeMillis();
            answer(exchange);
            String path = exchange.getRequestURI().getPath();
            int org = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            String key = exchange.getRequestHeaders().getFirst("X-Hardhats-Delivery");
            boolean signed = verify(secrets.get(org - 1), exchange.getRequestHeaders().getFirst("X-Hardhats-Signature"),
                    body, receivedMs / 1000);
            String type = find(TYPE, new String(body, StandardCharsets.UTF_8));
            synchronized (log) {
                log.write(key + " " + org + " " + receivedMs + " " + type + " " + signed + "\n");
                log.flush();
            }
        });
        server.start();
        System.err.println("# receiver on 127.0.0.1:" + port);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, ok.length);
        exchange.getResponseBody().write(ok);
        exchange.close();
    }

    /** What a receiver must do (README, "Verifying a webhook"). */
    static boolean verify(String secret, String header, byte[] body, long nowSeconds) {
        if (header == null) {
            return false;
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        String t = parts.get("t");
        String v1 = parts.get("v1");
        if (t == null || v1 == null || Math.abs(nowSeconds - Long.parseLong(t)) > REPLAY_WINDOW_S) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = java.util.HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void report(Path commitsFile, Path receiptsFile, Path deliveriesFile) throws IOException {
        Map<String, Long> committed = new HashMap<>();
        for (String[] c : rows(commitsFile)) {
            committed.put(c[0], Long.parseLong(c[3]));
        }
        Map<String, String> status = new HashMap<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        List<Long> outboxToDelivered = new ArrayList<>();
        int retried = 0;
        for (String[] d : rows(deliveriesFile)) {
            if (!committed.containsKey(d[0])) {
                continue;
            }
            status.put(d[0], d[1]);
            byStatus.merge(d[1], 1, Integer::sum);
            retried += Integer.parseInt(d[2]) > 1 ? 1 : 0;
            if (!"0".equals(d[4])) {
                outboxToDelivered.add(Long.parseLong(d[4]) - Long.parseLong(d[3]));
            }
        }
        Map<String, Long> firstReceipt = new HashMap<>();
        int receipts = 0;
        int unsigned = 0;
        int summaries = 0;
        Set<String> strangers = new HashSet<>();
        for (String[] r : rows(receiptsFile)) {
            receipts++;
            unsigned += "true".equals(r[4]) ? 0 : 1;
            summaries += "summary".equals(r[3]) ? 1 : 0;
            if (!status.containsKey(r[0])) {
                strangers.add(r[0]);
            }
            firstReceipt.merge(r[0], Long.parseLong(r[2]), Math::min);
        }
        List<Long> latencies = new ArrayList<>();
        int lost = 0;
        for (String event : status.keySet()) {
            Long received = firstReceipt.get(event);
            if (received == null) {
                lost++;
            } else {
                latencies.add(received - committed.get(event));
            }
        }
        int withoutDelivery = committed.size() - status.size();
        long[] l = sorted(latencies);
        long[] o = sorted(outboxToDelivered);
        System.out.printf(Locale.ROOT, "{\"violations\":%d,\"alert_deliveries\":%d,\"by_status\":%s,"
                + "\"violations_without_delivery\":%d,\"receipts\":%d,\"received_keys\":%d,\"lost\":%d,"
                + "\"duplicates\":%d,\"unknown_keys\":%d,\"summaries\":%d,\"retried_deliveries\":%d,"
                + "\"signature_checked\":%d,\"signature_failed\":%d,"
                + "\"commit_to_receipt_ms\":{\"n\":%d,\"p50\":%d,\"p95\":%d,\"p99\":%d,\"max\":%d},"
                + "\"outbox_to_delivered_ms\":{\"n\":%d,\"p50\":%d,\"p99\":%d,\"max\":%d}}%n",
                committed.size(), status.size(), json(byStatus), withoutDelivery, receipts, firstReceipt.size(), lost,
                receipts - firstReceipt.size(), strangers.size(), summaries, retried, receipts, unsigned, l.length,
                Percentiles.of(l, 50), Percentiles.of(l, 95), Percentiles.of(l, 99), Percentiles.max(l), o.length,
                Percentiles.of(o, 50), Percentiles.of(o, 99), Percentiles.max(o));
    }

    /**
     * The change between two snapshots: the server JVM's CPU (dispatcher; it runs no camera),
     * PostgreSQL's CPU split by whose backends spent it, and the database's own counters, per
     * delivery made in the window.
     */
    static void window(Path beforeFile, Path afterFile, int ticksPerSecond) throws IOException {
        Map<String, Double> before = snapshot(beforeFile);
        Map<String, Double> after = snapshot(afterFile);
        double seconds = (after.get("wall_ms") - before.get("wall_ms")) / 1000.0;
        double delivered = after.get("delivered") - before.get("delivered");
        double violations = after.get("events") - before.get("events");
        StringBuilder perDelivery = new StringBuilder();
        StringBuilder totals = new StringBuilder();
        for (String name : after.keySet()) {
            if (List.of("wall_ms", "load1", "delivered", "events").contains(name)) {
                continue;
            }
            double change = after.get(name) - before.get(name);
            boolean ticks = name.endsWith("_ticks");
            String key = ticks ? name.replace("_ticks", "_cpu_ms") : name;
            double value = ticks ? change * 1000.0 / ticksPerSecond : change;
            totals.append(totals.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.0f", key, value));
            perDelivery.append(perDelivery.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.3f", key,
                    delivered == 0 ? 0 : value / delivered));
        }
        System.out.printf(Locale.ROOT, "{\"window_s\":%.1f,\"load1\":[%.2f,%.2f],\"violations\":%.0f,"
                + "\"delivered\":%.0f,\"deliveries_per_minute\":%.1f,\"totals\":{%s},\"per_delivery\":{%s}}%n",
                seconds, before.get("load1"), after.get("load1"), violations, delivered, delivered * 60 / seconds,
                totals, perDelivery);
    }

    private static Map<String, Double> snapshot(Path file) throws IOException {
        Map<String, Double> values = new TreeMap<>();
        for (String[] row : rows(file)) {
            values.put(row[0], Double.parseDouble(row[1]));
        }
        return values;
    }

    private static List<String[]> rows(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.trim().split("\\s+", -1)).toList();
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static String json(Map<String, Integer> counts) {
        StringBuilder s = new StringBuilder("{");
        counts.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return s.append('}').toString();
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("nothing matching " + pattern + " in " + text);
        }
        return m.group(1);
    }
}
