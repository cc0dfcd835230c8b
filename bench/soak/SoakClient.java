package soak;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import common.BenchApi;
import common.Percentiles;

/**
 * Soak of one running Hard Hats server (JDK 22+ with bench/common, 127.0.0.1 only, bounded in
 * time): RTSP cameras on GStreamer's test server and file cameras playing an uploaded
 * placeholder, MJPEG viewers joining and leaving, SSE clients reconnecting with Last-Event-ID,
 * and the RTSP server restarted at a fixed period. Prints JSON lines: the setup, a sample of the
 * server JVM's footprint every sample period, one line per restart with every RTSP camera's
 * recovery time, and a summary with the footprint's least-squares slopes after warm-up.
 *
 *   java bench/soak/SoakClient.java name=value...   (the names and defaults are in bench/soak/run.sh)
 */
public class SoakClient {

    /** A frame this recent counts its camera as live in a sample. */
    static final long LIVE_WITHIN_MS = 30_000;
    static final double RECOVERY_TARGET_S = 60;
    static final int UPLOAD_ATTEMPTS = 3;

    private record Sample(double seconds, ProcessSampler.Reading reading) {
    }

    public static void main(String[] args) {
        SoakSettings settings;
        try {
            settings = SoakSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + SoakSettings.usage());
            System.exit(2);
            return;
        }
        try {
            new SoakClient().run(settings);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the HTTP client's threads would keep a failed run alive
        }
        System.exit(0);
    }

    private final List<Sample> samples = new ArrayList<>();
    private final List<Double> recoveries = new ArrayList<>();
    private int restarts;
    private int notBack;

    void run(SoakSettings s) throws Exception {
        BenchApi api = new BenchApi(s.port());
        String cookie = api.register();
        RtspSource rtsp = new RtspSource(s);
        // also on Ctrl-C or a failure, so that no RTSP server outlives the run
        Runtime.getRuntime().addShutdownHook(new Thread(rtsp::stopQuietly));
        rtsp.start();
        soak(s, api, cookie, rtsp);
    }

    private void soak(SoakSettings s, BenchApi api, String cookie, RtspSource rtsp) throws Exception {
        List<String> rtspCameras = new ArrayList<>();
        for (int i = 1; i <= s.rtspCameras(); i++) {
            rtspCameras.add(api.createCamera(cookie, "soak-rtsp-" + i, "\"source_type\":\"rtsp\",\"rtsp_url\":\""
                    + rtsp.url() + "\",\"username\":\"" + RtspSource.USER + "\",\"password\":\"" + RtspSource.PASSWORD + "\""));
        }
        List<String> cameras = new ArrayList<>(rtspCameras);
        for (int i = 1; i <= s.fileCameras(); i++) {
            String id = api.createCamera(cookie, "soak-file-" + i, BenchApi.FILE_PLACEHOLDER);
            upload(api, cookie, id, s.placeholder());
            cameras.add(id);
        }
        System.out.printf(Locale.ROOT, "{\"type\":\"setup\",\"rtsp_cameras\":%d,\"file_cameras\":%d,\"duration_s\":%d,"
                + "\"restart_every_s\":%d,\"warmup_s\":%d,\"viewers\":%d,\"sse_clients\":%d,\"full_gc_before_sample\":%s,"
                + "\"java_client\":\"%s\"}%n",
                s.rtspCameras(), s.fileCameras(), s.durationS(), s.restartEveryS(), s.warmupS(), s.viewers(),
                s.sseClients(), s.fullGc(), System.getProperty("java.version"));

        ViewerChurn viewers = new ViewerChurn(api, cookie, cameras, s.viewers());
        SseChurn sse = new SseChurn(api, cookie, s.sseClients());
        RecoveryProbe probe = new RecoveryProbe(api, cookie);
        ProcessSampler sampler = new ProcessSampler(api, s.pid(), s.fullGc());
        long start = System.nanoTime();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        clock.scheduleAtFixedRate(() -> {
            viewers.tick();
            sse.tick();
        }, 0, 1, TimeUnit.SECONDS);
        clock.scheduleAtFixedRate(() -> sample(start, sampler, probe, cameras, viewers), 0, s.sampleEveryS(),
                TimeUnit.SECONDS);

        for (int k = 1; (long) k * s.restartEveryS() < s.durationS(); k++) {
            sleepUntil(start + k * s.restartEveryS() * 1_000_000_000L);
            long stopped = System.currentTimeMillis();
            rtsp.stop();
            long ready = rtsp.start();
            long deadline = start + Math.min((long) (k + 1) * s.restartEveryS(), s.durationS()) * 1_000_000_000L;
            restarted(k, (System.nanoTime() - start) / 1e9, (ready - stopped) / 1000.0,
                    probe.awaitFramesAfter(rtspCameras, ready, deadline));
        }
        sleepUntil(start + s.durationS() * 1_000_000_000L);
        clock.shutdownNow();
        clock.awaitTermination(30, TimeUnit.SECONDS);
        viewers.stop();
        sse.stop();
        summary(s, viewers, sse);
    }

    /** Uploads a placeholder, trying again a few times: on a loaded machine the server's decode check can time out. */
    private static void upload(BenchApi api, String cookie, String camera, Path video) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                api.uploadPlaceholder(cookie, camera, video);
                return;
            } catch (IllegalStateException e) {
                if (attempt == UPLOAD_ATTEMPTS) {
                    throw e;
                }
                System.err.println("placeholder upload failed, trying again: " + e.getMessage());
            }
        }
    }

    private void sample(long start, ProcessSampler sampler, RecoveryProbe probe, List<String> cameras, ViewerChurn viewers) {
        try {
            double t = (System.nanoTime() - start) / 1e9;
            ProcessSampler.Reading r = sampler.read();
            int live = probe.liveSince(cameras, System.currentTimeMillis() - LIVE_WITHIN_MS);
            synchronized (samples) {
                samples.add(new Sample(t, r));
            }
            System.out.printf(Locale.ROOT, "{\"type\":\"sample\",\"t_s\":%.0f,\"rss_mb\":%.1f,\"heap_used_mb\":%.1f,"
                    + "\"live_data_mb\":%.1f,\"fds\":%d,\"threads\":%d,\"cameras_live\":%d,\"viewers\":%d}%n", t,
                    mb(r.rssBytes()), mb(r.heapUsedBytes()), mb(r.liveDataBytes()), r.fds(), r.threads(), live,
                    viewers.active());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // one missed sample must not end the schedule
            System.err.println("sample failed: " + e);
        }
    }

    private void restarted(int n, double t, double downSeconds, double[] back) {
        restarts++;
        List<String> per = new ArrayList<>();
        for (double b : back) {
            per.add(b < 0 ? "null" : String.format(Locale.ROOT, "%.1f", b));
            if (b < 0) {
                notBack++;
            } else {
                recoveries.add(b);
            }
        }
        double[] sorted = Arrays.stream(back).filter(b -> b >= 0).sorted().toArray();
        System.out.printf(Locale.ROOT, "{\"type\":\"restart\",\"n\":%d,\"t_s\":%.0f,\"rtsp_down_s\":%.1f,\"cameras\":%d,"
                + "\"back\":%d,\"recovery_s\":{\"median\":%.1f,\"max\":%.1f},\"per_camera_s\":[%s]}%n", n, t,
                downSeconds, back.length, sorted.length, Percentiles.of(sorted, 50), Percentiles.max(sorted),
                String.join(",", per));
    }

    private void summary(SoakSettings s, ViewerChurn viewers, SseChurn sse) {
        List<Sample> steady;
        synchronized (samples) {
            steady = samples.stream().filter(x -> x.seconds() >= s.warmupS()).toList();
        }
        double[] rec = recoveries.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "{\"type\":\"summary\",\"duration_s\":%d,\"warmup_s\":%d,\"samples_after_warmup\":%d,"
                + "\"after_warmup\":{\"rss_mb\":%s,\"heap_used_mb\":%s,\"live_data_mb\":%s,\"fds\":%s,\"threads\":%s},"
                + "\"restarts\":%d,\"recoveries\":%d,\"not_back\":%d,\"recovery_s\":{\"median\":%.1f,\"p95\":%.1f,\"max\":%.1f},"
                + "\"every_camera_back_within_%.0fs\":%s,\"viewers\":%s,\"sse\":%s}%n",
                s.durationS(), s.warmupS(), steady.size(), trend(steady, r -> mb(r.rssBytes())),
                trend(steady, r -> mb(r.heapUsedBytes())), trend(steady, r -> mb(r.liveDataBytes())),
                trend(steady, ProcessSampler.Reading::fds), trend(steady, ProcessSampler.Reading::threads), restarts,
                rec.length, notBack, Percentiles.of(rec, 50), Percentiles.of(rec, 95), Percentiles.max(rec),
                RECOVERY_TARGET_S, notBack == 0 && Percentiles.max(rec) <= RECOVERY_TARGET_S, viewers.json(), sse.json());
    }

    private static String trend(List<Sample> samples, ToDoubleFunction<ProcessSampler.Reading> value) {
        return Trend.of(samples.stream().map(Sample::seconds).collect(Collectors.toList()),
                samples.stream().map(x -> value.applyAsDouble(x.reading())).collect(Collectors.toList())).json();
    }

    private static double mb(long bytes) {
        return bytes < 0 ? -1 : bytes / 1048576.0;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
