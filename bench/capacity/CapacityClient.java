package capacity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import common.BenchApi;
import common.MjpegParts;
import common.Percentiles;

/**
 * Capacity-benchmark helper (JDK 22+ with bench/common, localhost only, bounded in time).
 *
 *   java bench/capacity/CapacityClient.java register PORT                     -> prints "session=..." cookie
 *   java bench/capacity/CapacityClient.java cameras  PORT COOKIE FROM TO [RTSP_URL USER PASSWORD]
 *       -> creates cam-FROM..cam-TO at 0.5 fps, prints ids: file sources playing their placeholder, or
 *          RTSP sources with those credentials
 *   java bench/capacity/CapacityClient.java upload   PORT COOKIE ID FILE       -> uploads FILE as the camera's placeholder
 *   java bench/capacity/CapacityClient.java watch    PORT COOKIE SECONDS ID... -> subscribes to /api/stream/{id} of each
 *       camera for SECONDS and prints JSON: frames received per camera, frames/s, and the intervals
 *       between consecutive MJPEG parts (median, p95, max), all cameras pooled.
 */
public class CapacityClient {

    static final String USAGE = """
            usage: CapacityClient register PORT
                   CapacityClient cameras PORT COOKIE FROM TO [RTSP_URL USER PASSWORD]
                   CapacityClient upload PORT COOKIE ID FILE
                   CapacityClient watch PORT COOKIE SECONDS ID...""";

    public static void main(String[] a) throws Exception {
        try {
            run(a);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println(USAGE);
            System.exit(2);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the client's executor threads would keep a failed run alive
        }
        System.exit(0);
    }

    static void run(String[] a) throws Exception {
        BenchApi api = new BenchApi(Integer.parseInt(a[1]));
        switch (a[0]) {
            case "register" -> System.out.println(api.register());
            case "cameras" -> {
                for (int i = Integer.parseInt(a[3]); i <= Integer.parseInt(a[4]); i++) {
                    String source = a.length > 7
                            ? "\"source_type\":\"rtsp\",\"rtsp_url\":\"" + a[5] + "\",\"username\":\"" + a[6]
                                    + "\",\"password\":\"" + a[7] + "\""
                            : BenchApi.FILE_PLACEHOLDER;
                    System.out.println(api.createCamera(a[2], "cam-" + i, "\"target_fps\":0.5," + source));
                }
            }
            case "upload" -> System.out.println(api.uploadPlaceholder(a[2], a[3], Path.of(a[4])));
            case "watch" -> watch(api, a[2], Integer.parseInt(a[3]), Arrays.copyOfRange(a, 4, a.length));
            default -> throw new IllegalArgumentException(a[0]);
        }
    }

    static void watch(BenchApi api, String cookie, int seconds, String[] ids) throws Exception {
        List<Viewer> viewers = new ArrayList<>();
        for (String id : ids) {
            Viewer v = new Viewer();
            v.parts = api.open("/api/stream/" + id, cookie, new MjpegParts(v::part));
            viewers.add(v);
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long end = System.nanoTime();
        viewers.forEach(v -> v.parts.cancel());
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
            String error = v.parts.error();
            per.append(i == 0 ? "" : ",").append(String.format(
                    "{\"camera\":\"%s\",\"status\":%d,\"parts\":%d,\"fps\":%.3f%s}", ids[i], v.parts.status(), t.size(), fps,
                    error == null ? "" : ",\"error\":\"" + error.replace("\"", "'") + "\""));
        }
        double[] s = intervals.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] l = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("{\"seconds\":%.1f,\"cameras\":%d,\"intervals\":%d,\"interval_s\":{\"median\":%.3f,\"p95\":%.3f,\"max\":%.3f},"
                + "\"capture_to_viewer_s\":{\"frames\":%d,\"median\":%.3f,\"p95\":%.3f,\"max\":%.3f},"
                + "\"per_camera\":[%s]}%n", (end - start) / 1e9, ids.length, s.length, Percentiles.of(s, 50),
                Percentiles.of(s, 95), Percentiles.max(s), l.length, Percentiles.of(l, 50), Percentiles.of(l, 95),
                Percentiles.max(l), per);
    }

    /**
     * The arrival time of each part and, from the capture time in its JPEG comment, how long after
     * capture it arrived (same machine, same clock).
     */
    static final class Viewer {
        final List<Long> arrivals = new ArrayList<>();
        final List<Long> latenciesMs = new ArrayList<>();
        MjpegParts parts;

        void part(CharSequence head) {
            long now = System.currentTimeMillis();
            long capturedAt = MjpegParts.capturedAt(head);
            synchronized (arrivals) {
                arrivals.add(System.nanoTime());
                if (capturedAt >= 0) {
                    latenciesMs.add(now - capturedAt);
                }
            }
        }
    }
}
