import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Capacity-benchmark helper (JDK only, localhost only, bounded in time).
 *
 *   java CapacityClient.java register PORT                     -> prints "session=..." cookie
 *   java CapacityClient.java cameras  PORT COOKIE FROM TO [RTSP_URL USER PASSWORD]
 *       -> creates cam-FROM..cam-TO at 0.5 fps, prints ids: file sources playing their placeholder, or
 *          RTSP sources with those credentials
 *   java CapacityClient.java upload   PORT COOKIE ID FILE       -> uploads FILE as the camera's placeholder
 *   java CapacityClient.java watch    PORT COOKIE SECONDS ID... -> subscribes to /api/stream/{id} of each
 *       camera for SECONDS and prints JSON: frames received per camera, frames/s, and the intervals
 *       between consecutive MJPEG parts (median, p95, max), all cameras pooled.
 */
public class CapacityClient {

    static final HttpClient CLIENT = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] a) throws Exception {
        try {
            run(a);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the client's executor threads would keep a failed run alive
        }
        System.exit(0);
    }

    static void run(String[] a) throws Exception {
        String base = "http://127.0.0.1:" + a[1];
        switch (a[0]) {
            case "register" -> System.out.println(register(base));
            case "cameras" -> {
                for (int i = Integer.parseInt(a[3]); i <= Integer.parseInt(a[4]); i++) {
                    String source = a.length > 7
                            ? "\"source_type\":\"rtsp\",\"rtsp_url\":\"" + a[5] + "\",\"username\":\"" + a[6]
                                    + "\",\"password\":\"" + a[7] + "\""
                            : "\"source_type\":\"file\",\"use_placeholder\":true";
                    System.out.println(createCamera(base, a[2], "cam-" + i, source));
                }
            }
            case "upload" -> upload(base, a[2], a[3], Path.of(a[4]));
            case "watch" -> watch(base, a[2], Integer.parseInt(a[3]), Arrays.copyOfRange(a, 4, a.length));
            default -> throw new IllegalArgumentException(a[0]);
        }
    }

    static String register(String base) throws Exception {
        String email = "cap-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String body = "{\"organization_name\":\"Capacity " + email + "\",\"email\":\"" + email
                + "\",\"password\":\"bench-password-123\",\"full_name\":\"Bench\"}";
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/register"))
                .header("Content-Type", "application/json").header("X-Requested-With", "bench")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        check("register", r);
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    static String createCamera(String base, String cookie, String name, String source) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"target_fps\":0.5," + source + "}";
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cameras"))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .header("X-Requested-With", "bench").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        check("camera", r);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("camera: no id in " + r.body());
        }
        return m.group(1);
    }

    static void upload(String base, String cookie, String id, Path file) throws Exception {
        String boundary = "----cap" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] data = Files.readAllBytes(file);
        byte[] body = new byte[head.length + data.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(data, 0, body, head.length, data.length);
        System.arraycopy(tail, 0, body, head.length + data.length, tail.length);
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cameras/" + id + "/placeholder"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", cookie)
                .header("X-Requested-With", "bench").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        check("upload", r);
        System.out.println(r.body());
    }

    static void check(String what, HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
        }
    }

    static void watch(String base, String cookie, int seconds, String[] ids) throws Exception {
        List<Viewer> viewers = new ArrayList<>();
        for (String id : ids) {
            Viewer v = new Viewer();
            viewers.add(v);
            CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/stream/" + id)).header("Cookie", cookie)
                    .GET().build(), info -> {
                        v.status = info.statusCode();
                        return HttpResponse.BodySubscribers.fromSubscriber(v);
                    });
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long end = System.nanoTime();
        viewers.forEach(Viewer::cancel);
        List<Double> intervals = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        StringBuilder per = new StringBuilder();
        for (int i = 0; i < viewers.size(); i++) {
            Viewer v = viewers.get(i);
            List<Long> t;
            synchronized (v.arrivals) {
                t = new ArrayList<>(v.arrivals);
                // the first one may be the cached frame sent on connect, older by design
                if (v.latenciesMs.size() > 1) {
                    v.latenciesMs.subList(1, v.latenciesMs.size()).forEach(ms -> latencies.add(ms / 1000.0));
                }
            }
            // the first part may be the cached latest frame sent on connect: skip it
            List<Long> live = t.size() > 1 ? t.subList(1, t.size()) : List.of();
            for (int k = 1; k < live.size(); k++) {
                intervals.add((live.get(k) - live.get(k - 1)) / 1e9);
            }
            double fps = live.size() > 1 ? (live.size() - 1) / ((live.get(live.size() - 1) - live.get(0)) / 1e9) : 0;
            per.append(i == 0 ? "" : ",").append(String.format(
                    "{\"camera\":\"%s\",\"status\":%d,\"parts\":%d,\"fps\":%.3f%s}", ids[i], v.status, t.size(), fps,
                    v.error == null ? "" : ",\"error\":\"" + v.error.replace("\"", "'") + "\""));
        }
        double[] s = intervals.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] l = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("{\"seconds\":%.1f,\"cameras\":%d,\"intervals\":%d,\"interval_s\":{\"median\":%.3f,\"p95\":%.3f,\"max\":%.3f},"
                + "\"capture_to_viewer_s\":{\"frames\":%d,\"median\":%.3f,\"p95\":%.3f,\"max\":%.3f},"
                + "\"per_camera\":[%s]}%n", (end - start) / 1e9, ids.length, s.length, pct(s, 50), pct(s, 95),
                s.length == 0 ? 0 : s[s.length - 1], l.length, pct(l, 50), pct(l, 95), l.length == 0 ? 0 : l[l.length - 1],
                per);
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /**
     * Records the arrival time of each multipart part (parsed by Content-Length) and, from the
     * JPEG comment the worker writes ({@code hardhats-captured-at=<epoch ms>}), how long after
     * capture it arrived (same machine, same clock); never stores a frame.
     */
    static final class Viewer implements Flow.Subscriber<List<ByteBuffer>> {
        final List<Long> arrivals = new ArrayList<>();
        final List<Long> latenciesMs = new ArrayList<>();
        private final StringBuilder bodyStart = new StringBuilder();
        volatile int status;
        volatile String error;
        private volatile Flow.Subscription subscription;
        private final StringBuilder header = new StringBuilder();
        private long bodyLeft = -1;

        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        public void onNext(List<ByteBuffer> item) {
            for (ByteBuffer b : item) {
                while (b.hasRemaining()) {
                    if (bodyLeft > 0) {
                        int n = (int) Math.min(bodyLeft, b.remaining());
                        for (int k = 0; k < n && bodyStart.length() < 64; k++) {
                            bodyStart.append((char) (b.get(b.position() + k) & 0xff));
                        }
                        b.position(b.position() + n);
                        bodyLeft -= n;
                        if (bodyLeft == 0) {
                            done();
                        }
                    } else {
                        char c = (char) (b.get() & 0xff);
                        header.append(c);
                        if (c == '\n' && header.length() >= 4 && header.lastIndexOf("\r\n\r\n") == header.length() - 4) {
                            Matcher m = LENGTH.matcher(header);
                            if (m.find()) {
                                bodyLeft = Long.parseLong(m.group(1));
                                if (bodyLeft == 0) {
                                    done();
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

        private void done() {
            bodyLeft = -1;
            long now = System.currentTimeMillis();
            Matcher m = CAPTURED.matcher(bodyStart);
            synchronized (arrivals) {
                arrivals.add(System.nanoTime());
                if (m.find()) {
                    latenciesMs.add(now - Long.parseLong(m.group(1)));
                }
            }
            bodyStart.setLength(0);
        }

        public void onError(Throwable t) {
            if (error == null) {
                error = t.toString();
            }
        }

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
    static final Pattern CAPTURED = Pattern.compile("hardhats-captured-at=(\\d+)");
}
