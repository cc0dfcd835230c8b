import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    static final String HOST = "127.0.0.1";
    static final Pattern SENT = Pattern.compile("\"sent_at_nanos\"\\s*:\\s*(\\d+)");

    static long[] latencies;
    static final AtomicInteger recorded = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8124;
        int redisPort = args.length > 1 ? Integer.parseInt(args[1]) : 6391;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int messages = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : 2.0;
        String base = "http://" + HOST + ":" + port;
        latencies = new long[clients * messages + clients];

        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2))
                .version(HttpClient.Version.HTTP_1_1).build();
        String cookie = register(http, base);
        String me = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/me")).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher om = Pattern.compile("\"organization\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(me);
        if (!om.find()) {
            throw new IllegalStateException("no organisation in " + me);
        }
        UUID org = UUID.fromString(om.group(1));

        List<Client> all = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Client c = new Client();
            all.add(c);
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/sse/events")).header("Cookie", cookie)
                    .header("Accept", "text/event-stream").build(), info -> {
                        c.status = info.statusCode();
                        return HttpResponse.BodySubscribers.fromSubscriber(c);
                    }).whenComplete((r, e) -> {
                        if (e != null && c.error == null) {
                            c.error = e.toString();
                        }
                    });
            if (i % 100 == 99) {
                Thread.sleep(50); // stay inside the server's accept backlog
            }
        }
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline && all.stream().anyMatch(c -> c.status == 0 && c.error == null)) {
            Thread.sleep(100);
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        int open = (int) all.stream().filter(c -> c.status == 200 && c.error == null).count();
        Thread.sleep(2000);

        Redis redis = new Redis(HOST, redisPort);
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
        all.forEach(Client::cancel);

        int n = Math.min(recorded.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        long expected = (long) open * messages;
        int errors = (int) all.stream().filter(c -> c.error != null || (c.status != 0 && c.status != 200)).count();
        long under250 = Arrays.stream(sorted).filter(v -> v < 250_000_000L).count();
        System.out.println(String.format(Locale.ROOT,
                "{\"benchmark\":\"sse_latency\",\"java_client\":\"%s\",\"clients\":%d,\"open\":%d,\"errors\":%d,"
                        + "\"connect_seconds\":%.1f,\"messages\":%d,\"rate_per_s\":%.1f,\"deliveries_expected\":%d,"
                        + "\"deliveries_received\":%d,\"latency_ms\":{\"p50\":%.1f,\"p90\":%.1f,\"p99\":%.1f,\"max\":%.1f},"
                        + "\"pct_under_250ms\":%.2f}",
                System.getProperty("java.version"), clients, open, errors, connectSeconds, messages, rate, expected, n,
                ms(sorted, 50), ms(sorted, 90), ms(sorted, 99), n == 0 ? 0 : sorted[n - 1] / 1e6,
                n == 0 ? 0 : 100.0 * under250 / n));
        System.exit(0);
    }

    static double ms(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** Splits the stream into lines and records the latency of every data line carrying sent_at_nanos. */
    static final class Client implements Flow.Subscriber<List<ByteBuffer>> {
        volatile int status;
        volatile String error;
        private volatile Flow.Subscription subscription;
        private final StringBuilder line = new StringBuilder();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            long now = System.nanoTime();
            for (ByteBuffer b : item) {
                while (b.hasRemaining()) {
                    char c = (char) (b.get() & 0xff);
                    if (c == '\n') {
                        if (line.length() > 5 && line.charAt(0) == 'd' && line.indexOf("data:") == 0) {
                            Matcher m = SENT.matcher(line);
                            if (m.find()) {
                                int slot = recorded.getAndIncrement();
                                if (slot < latencies.length) {
                                    latencies[slot] = now - Long.parseLong(m.group(1));
                                }
                            }
                        }
                        line.setLength(0);
                    } else if (c != '\r') {
                        line.append(c);
                    }
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            if (error == null) {
                error = t.toString();
            }
        }

        @Override
        public void onComplete() {
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
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

    /** The two Redis commands the bus uses, in RESP over one socket. */
    static final class Redis implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Redis(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            in = new java.io.BufferedInputStream(socket.getInputStream());
        }

        void publishFrame(UUID camera, byte[] jpeg) throws IOException {
            ByteBuffer stamped = ByteBuffer.allocate(8 + jpeg.length).putLong(System.currentTimeMillis()).put(jpeg);
            command(bytes("SET"), bytes("hardhats:frame:" + camera), stamped.array(), bytes("PX"), bytes("30000"));
            command(bytes("PUBLISH"), bytes("frames/" + camera), jpeg);
        }

        void publish(String channel, String message) throws IOException {
            command(bytes("PUBLISH"), bytes(channel), bytes(message));
        }

        synchronized String command(byte[]... parts) throws IOException {
            out.write(("*" + parts.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (byte[] p : parts) {
                out.write(("$" + p.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(p);
                out.write('\r');
                out.write('\n');
            }
            out.flush();
            StringBuilder reply = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    reply.append((char) c);
                }
            }
            if (reply.length() > 0 && reply.charAt(0) == '-') {
                throw new IOException("redis: " + reply);
            }
            return reply.toString();
        }

        static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
