package io.hardhats.pipeline;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.PrintWriter;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.hardhats.HardhatsApplication;
import io.hardhats.config.DevelopmentSecrets;
import io.hardhats.events.EventView;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.publish.Jpeg;
import io.hardhats.publish.Thumbnails;
import io.hardhats.rules.Violation;
import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.SharedFiles;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The recording side of the notifications benchmark (bench/notify): a worker process without
 * cameras or dispatcher that records violations at a steady rate through {@link EventRecorder},
 * the path a camera's pipeline takes (thumbnail and frame blobs, event row, day's count, and the
 * notification outbox rows with their NOTIFY, in one transaction), round-robin over the planned
 * organisations' cameras. The pictures are a real site frame at 1280x720 and its thumbnail.
 * Open loop: each violation starts at its scheduled time on one of {@code threads} recording
 * threads, as cameras record on their own threads.
 *
 * <p>Arguments: {@code SECRETS PG_PORT PLAN PER_MINUTE SECONDS OUT [THREADS]}: SECRETS is the
 * all-in-one data folder's secrets.properties (the embedded database's password); PLAN
 * has lines {@code organization_id camera_id ...}; OUT gets one line per committed violation,
 * {@code event_id organization_id scheduled_ms committed_ms} (wall clock, the receiver's clock).
 * Prints one JSON line. The database pool is named {@code hardhats-recorder} in
 * {@code pg_stat_activity}, so its backends can be told from the server's.
 */
public final class ViolationLoadBenchmark {

    private static final List<ViolationType> TYPES = List.of(ViolationType.NO_HARDHAT, ViolationType.NO_VEST,
            ViolationType.ZONE_BREACH);

    public static void main(String[] args) throws Exception {
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            secrets.load(in);
        }
        String password = secrets.getProperty(DevelopmentSecrets.DATABASE_PASSWORD);
        int pgPort = Integer.parseInt(args[1]);
        List<String[]> plan = Files.readAllLines(Path.of(args[2])).stream().filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+")).toList();
        int perMinute = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        int threads = args.length > 6 ? Integer.parseInt(args[6]) : 8;

        Pictures pictures = Pictures.fromSiteClip();
        ConfigurableApplicationContext context = worker(password, pgPort);
        EventRecorder recorder = context.getBean(EventRecorder.class);

        long intervalNanos = TimeUnit.MINUTES.toNanos(1) / perMinute;
        int total = (int) (TimeUnit.SECONDS.toNanos(seconds) / intervalNanos);
        long[] scheduledMs = new long[total];
        long[] committedMs = new long[total];
        UUID[] eventIds = new UUID[total];
        AtomicInteger failures = new AtomicInteger();
        ExecutorService recording = Executors.newFixedThreadPool(threads);
        long startNanos = System.nanoTime();
        long startMs = System.currentTimeMillis();
        for (int i = 0; i < total; i++) {
            long due = startNanos + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            scheduledMs[n] = startMs + TimeUnit.NANOSECONDS.toMillis(due - startNanos);
            recording.execute(() -> {
                String[] target = plan.get(n % plan.size());
                try {
                    EventView event = recorder.record(UUID.fromString(target[0]), UUID.fromString(target[1]),
                            List.of(new EventRecorder.Flagged(violation(n), pictures.thumbnail())), pictures.frame(),
                            Instant.now()).get(0);
                    committedMs[n] = System.currentTimeMillis();
                    eventIds[n] = event.id();
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
            });
        }
        recording.shutdown();
        recording.awaitTermination(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;

        long[] recordMs = new long[total];
        int recorded = 0;
        try (PrintWriter lines = new PrintWriter(Files.newBufferedWriter(out))) {
            for (int i = 0; i < total; i++) {
                if (eventIds[i] != null) {
                    lines.printf("%s %s %d %d%n", eventIds[i], plan.get(i % plan.size())[0], scheduledMs[i],
                            committedMs[i]);
                    recordMs[recorded++] = committedMs[i] - scheduledMs[i];
                }
            }
        }
        long[] sorted = Arrays.copyOf(recordMs, recorded);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "{\"recorder\":{\"per_minute\":%d,\"organizations\":%d,\"threads\":%d,"
                + "\"seconds\":%.1f,\"recorded\":%d,\"failed\":%d,\"frame_bytes\":%d,\"thumbnail_bytes\":%d,"
                + "\"schedule_to_commit_ms\":{\"p50\":%d,\"p99\":%d,\"max\":%d}}}%n", perMinute, plan.size(), threads,
                elapsed, recorded, failures.get(), pictures.frame().length, pictures.thumbnail().length,
                percentile(sorted, 50), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        context.close();
        System.exit(0);
    }

    /** A worker of the split deployment: no cameras claimed, no dispatcher, no HTTP. */
    private static ConfigurableApplicationContext worker(String password, int pgPort) {
        String url = "postgresql://postgres:" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@127.0.0.1:"
                + pgPort + "/postgres?ApplicationName=hardhats-recorder";
        // Arguments, not default properties: application.yml's empty DATABASE_URL would win over those.
        String[] arguments = {"--hardhats.role=worker", "--hardhats.database-url=" + url,
            "--hardhats.fleet.enabled=false", "--hardhats.notifications.dispatch.enabled=false",
            // Only the recording path runs here; it neither signs sessions nor decrypts a channel.
            "--hardhats.secret-key=bench-recorder-signing-key-0123456789-abcdefghij",
            "--hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "--logging.level.root=WARN"};
        SpringApplication application = new SpringApplication(HardhatsApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(arguments);
    }

    private static Violation violation(int n) {
        BoundingBox box = new BoundingBox(600, 200, 680, 420);
        return new Violation(TYPES.get(n % TYPES.size()), Severity.HIGH, 0.9f, n, box,
                new double[] {600 / 1280.0, 200 / 720.0, 80 / 1280.0, 220 / 720.0});
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** A 1280x720 frame of the site clip as the live view encodes it, and a thumbnail of a person-sized box. */
    private record Pictures(byte[] frame, byte[] thumbnail) {

        static Pictures fromSiteClip() throws Exception {
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(
                    SharedFiles.siteClip("site-helmets-wide.mp4").toFile());
                    OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
                grabber.start();
                Frame frame = null;
                for (int i = 0; i < 30; i++) {
                    frame = grabber.grabImage();
                }
                try (Mat scaled = new Mat()) {
                    resize(converter.convert(frame), scaled, new Size(1280, 720), 0, 0, INTER_LINEAR);
                    return new Pictures(Jpeg.encode(scaled, 75), Thumbnails.crop(scaled,
                            new BoundingBox(600, 200, 680, 420), CameraPipeline.THUMBNAIL_QUALITY));
                }
            }
        }
    }
}
