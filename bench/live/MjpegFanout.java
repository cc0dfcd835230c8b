package live;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import common.BenchApi;
import common.MjpegParts;
import common.Percentiles;
import common.RespRedis;

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

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (NumberFormatException e) {
            System.err.println("usage: MjpegFanout [port] [redisPort] [levels] [fps] [seconds]");
            System.exit(2);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the HTTP client's threads would keep a failed run alive
        }
    }

    static void run(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8124;
        int redisPort = args.length > 1 ? Integer.parseInt(args[1]) : 6391;
        int[] levels = Arrays.stream((args.length > 2 ? args[2] : "100,250,500,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        double fps = args.length > 3 ? Double.parseDouble(args[3]) : 2.0;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;

        byte[] jpeg = noisyJpeg(1280, 720);
        BenchApi api = new BenchApi(port);
        String cookie = api.register();
        UUID camera = UUID.fromString(api.createCamera(cookie, "bench cam", BenchApi.UNREACHABLE_RTSP));
        RespRedis redis = new RespRedis(redisPort);
        redis.publishFrame(camera, jpeg); // so new viewers get a real frame first

        StringBuilder out = new StringBuilder();
        out.append("{\"benchmark\":\"mjpeg_fanout\",\"java_client\":\"").append(System.getProperty("java.version"))
                .append("\",\"jpeg_bytes\":").append(jpeg.length).append(",\"fps\":").append(fps)
                .append(",\"seconds\":").append(seconds).append(",\"levels\":[");
        for (int li = 0; li < levels.length; li++) {
            String level = runLevel(api, cookie, camera, redis, jpeg, levels[li], fps, seconds);
            System.err.println(level);
            out.append(li == 0 ? "" : ",").append(level);
        }
        out.append("]}");
        redis.close();
        System.out.println(out);
        System.exit(0);
    }

    static String runLevel(BenchApi api, String cookie, UUID camera, RespRedis redis, byte[] jpeg,
            int viewers, double fps, int seconds) throws Exception {
        List<Viewer> all = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < viewers; i++) {
            Viewer v = new Viewer();
            v.parts = api.open("/api/stream/" + camera, cookie, new MjpegParts(head -> v.frames.incrementAndGet()));
            all.add(v);
            if (i % 50 == 49) {
                Thread.sleep(100); // stay inside the server's accept backlog
            }
        }
        // Every viewer first receives the latest frame; wait for it (bounded).
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline
                && all.stream().anyMatch(v -> v.frames.get() == 0 && v.parts.error() == null)) {
            Thread.sleep(100);
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        int connected = (int) all.stream().filter(v -> v.frames.get() > 0).count();
        Thread.sleep(1000);
        long[] before = all.stream().mapToLong(v -> v.frames.get()).toArray();
        long bytesBefore = all.stream().mapToLong(v -> v.parts.bytes()).sum();

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
        long bytesAfter = all.stream().mapToLong(v -> v.parts.bytes()).sum();
        all.forEach(v -> v.parts.cancel());

        double[] drop = new double[viewers];
        int over1 = 0;
        int errors = (int) all.stream().filter(v -> v.parts.failed()).count();
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
                viewers, connected, errors, connectSeconds, published, publishSeconds, mean, Percentiles.of(sorted, 50),
                Percentiles.of(sorted, 99), Percentiles.max(sorted), over1, (bytesAfter - bytesBefore) / elapsed / 1e6);
    }

    /** One viewer: the parts it has received so far. */
    static final class Viewer {
        final AtomicLong frames = new AtomicLong();
        MjpegParts parts;
    }

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
}
