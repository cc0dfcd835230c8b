import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * MJPEG fan-out: N viewers on GET /api/stream/{camera} of one web instance while frames of a real
 * 1280x720 JPEG are published through Redis (PUBLISH frames/{id} + SET hardhats:frame:{id}) at a
 * fixed rate. Counts the parts each viewer receives (by Content-Length) and reports the drop
 * percentage per viewer. Clients: one java.net.http.HttpClient on two executor threads, each body
 * parsed by a counting BodySubscriber (no thread per viewer). Localhost only; bounded in time.
 *
 * java bench/live/MjpegFanout.java [port] [redisPort] [levels] [fps] [seconds]
 */
public class MjpegFanout {

    static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8124;
        int redisPort = args.length > 1 ? Integer.parseInt(args[1]) : 6391;
        int[] levels = Arrays.stream((args.length > 2 ? args[2] : "100,250,500,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        double fps = args.length > 3 ? Double.parseDouble(args[3]) : 2.0;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        String base = "http://" + HOST + ":" + port;

        byte[] jpeg = noisyJpeg(1280, 720);
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2))
                .version(HttpClient.Version.HTTP_1_1).build();
        String cookie = register(client, base);
        UUID camera = createCamera(client, base, cookie);
        Redis redis = new Redis(HOST, redisPort);
        redis.publishFrame(camera, jpeg); // so new viewers get a real frame first

        StringBuilder out = new StringBuilder();
        out.append("{\"benchmark\":\"mjpeg_fanout\",\"java_client\":\"").append(System.getProperty("java.version"))
                .append("\",\"jpeg_bytes\":").append(jpeg.length).append(",\"fps\":").append(fps)
                .append(",\"seconds\":").append(seconds).append(",\"levels\":[");
        for (int li = 0; li < levels.length; li++) {
            String level = runLevel(client, base, cookie, camera, redis, jpeg, levels[li], fps, seconds);
            System.err.println(level);
            out.append(li == 0 ? "" : ",").append(level);
        }
        out.append("]}");
        redis.close();
        System.out.println(out);
        System.exit(0);
    }

    static String runLevel(HttpClient client, String base, String cookie, UUID camera, Redis redis, byte[] jpeg,
            int viewers, double fps, int seconds) throws Exception {
        List<Viewer> all = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < viewers; i++) {
            Viewer v = new Viewer();
            all.add(v);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/stream/" + camera))
                    .header("Cookie", cookie).GET().build();
            client.sendAsync(request, info -> {
                v.status = info.statusCode();
                return HttpResponse.BodySubscribers.fromSubscriber(v);
            }).whenComplete((r, e) -> {
                if (e != null) {
                    v.error = e.toString();
                }
            });
            if (i % 50 == 49) {
                Thread.sleep(100); // stay inside the server's accept backlog
            }
        }
        // Every viewer first receives the latest frame; wait for it (bounded).
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && all.stream().anyMatch(v -> v.frames.get() == 0 && v.error == null)) {
            Thread.sleep(100);
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        int connected = (int) all.stream().filter(v -> v.frames.get() > 0).count();
        Thread.sleep(1000);
        long[] before = all.stream().mapToLong(v -> v.frames.get()).toArray();
        long bytesBefore = all.stream().mapToLong(v -> v.bytes.get()).sum();

        int published = (int) Math.round(seconds * fps);
        long periodNanos = (long) (1e9 / fps);
        long start = System.nanoTime();
        for (int i = 0; i < published; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            redis.publishFrame(camera, jpeg);
        }
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(3000); // let the last frames drain
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] after = all.stream().mapToLong(v -> v.frames.get()).toArray();
        long bytesAfter = all.stream().mapToLong(v -> v.bytes.get()).sum();
        all.forEach(Viewer::cancel);

        double[] drop = new double[viewers];
        int over1 = 0;
        int errors = (int) all.stream().filter(v -> v.error != null || (v.status != 0 && v.status != 200)).count();
        for (int i = 0; i < viewers; i++) {
            long received = Math.min(published, after[i] - before[i]);
            drop[i] = 100.0 * (1 - (double) received / published);
            if (drop[i] >= 1.0) {
                over1++;
            }
        }
        double[] sorted = drop.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(drop).average().orElse(0);
        Thread.sleep(2000); // let the server notice the departures before the next level
        return String.format(java.util.Locale.ROOT,
                "{\"viewers\":%d,\"connected\":%d,\"errors\":%d,\"connect_seconds\":%.1f,\"frames_published\":%d,"
                        + "\"publish_seconds\":%.1f,\"drop_pct_mean\":%.2f,\"drop_pct_p50\":%.2f,\"drop_pct_p99\":%.2f,"
                        + "\"drop_pct_max\":%.2f,\"viewers_over_1pct\":%d,\"delivered_MBps\":%.1f}",
                viewers, connected, errors, connectSeconds, published, publishSeconds, mean, pct(sorted, 50),
                pct(sorted, 99), sorted[sorted.length - 1], over1, (bytesAfter - bytesBefore) / elapsed / 1e6);
    }

    static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Parses multipart parts by their Content-Length and counts them; never stores a frame. */
    static final class Viewer implements Flow.Subscriber<List<ByteBuffer>> {
        final AtomicLong frames = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        volatile int status;
        volatile String error;
        private volatile Flow.Subscription subscription;
        private final StringBuilder header = new StringBuilder();
        private long bodyLeft = -1;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            for (ByteBuffer b : item) {
                bytes.addAndGet(b.remaining());
                while (b.hasRemaining()) {
                    if (bodyLeft > 0) {
                        int n = (int) Math.min(bodyLeft, b.remaining());
                        b.position(b.position() + n);
                        bodyLeft -= n;
                        if (bodyLeft == 0) {
                            frames.incrementAndGet();
                            bodyLeft = -1;
                        }
                    } else {
                        char c = (char) (b.get() & 0xff);
                        header.append(c);
                        if (c == '\n' && header.length() >= 4 && header.lastIndexOf("\r\n\r\n") == header.length() - 4) {
                            Matcher m = LENGTH.matcher(header);
                            if (m.find()) {
                                bodyLeft = Long.parseLong(m.group(1));
                                if (bodyLeft == 0) {
                                    frames.incrementAndGet();
                                    bodyLeft = -1;
                                }
                            }
                            header.setLength(0);
                        } else if (header.length() > 4096) {
                            header.setLength(0);
                        }
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

    static final Pattern LENGTH = Pattern.compile("(?i)Content-Length:\\s*(\\d+)");

    /** A noisy 1280x720 scene; the noise is lowered until the JPEG is at most 150 kB (a busy camera frame). */
    static byte[] noisyJpeg(int width, int height) throws IOException {
        byte[] jpeg = null;
        for (int noise = 48; noise >= 4; noise -= 4) {
            jpeg = noisyJpeg(width, height, noise);
            if (jpeg.length <= 150_000) {
                break;
            }
        }
        return jpeg;
    }

    static byte[] noisyJpeg(int width, int height, int noise) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // a gradient scene with sensor-like noise, JPEG quality 0.75
                int base = (x * 255 / width + y * 255 / height) / 2;
                int n = random.nextInt(noise) - noise / 2;
                int r = clamp(base + n), g = clamp(base / 2 + 60 + n), bl = clamp(200 - base / 2 + n);
                image.setRGB(x, y, (r << 16) | (g << 8) | bl);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.75f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        return bytes.toByteArray();
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static final AtomicInteger RUN = new AtomicInteger();

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

    static UUID createCamera(HttpClient client, String base, String cookie) throws Exception {
        String body = "{\"name\":\"bench cam\",\"source_type\":\"rtsp\",\"rtsp_url\":\"rtsp://192.0.2.10/x\"}";
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
