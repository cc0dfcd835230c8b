package io.hardhats.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.blobs.BlobStore;
import io.hardhats.bus.LiveBus;
import io.hardhats.cameras.CameraConfigReader;
import io.hardhats.clips.CameraClips;
import io.hardhats.clips.ClipRings;
import io.hardhats.ingest.CompressedPacket;
import io.hardhats.ingest.StreamFormat;
import io.hardhats.publish.FrameAnnotator;
import io.hardhats.publish.Thumbnails;
import io.hardhats.publish.ViewerDemand;
import io.hardhats.tenancy.TenantTransactions;
import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.Detection;
import io.hardhats.vision.Detector;
import io.hardhats.vision.DetectorSupply;
import io.hardhats.vision.ProductClass;
import io.hardhats.vision.SharedFiles;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What leaves a camera's pipeline, driven frame by frame with a real site frame and the real
 * model: in privacy mode the heads are blurred in the stored event frame, its thumbnail, the
 * live frame and every frame of the evidence clip (decoded with FFmpeg); live frames are drawn and encoded only while someone wants them. The cameras here
 * are inactive, so the worker's own fleet leaves them to the test.
 */
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"hardhats.role=worker",
                "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
                "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(PipelineTestData.class)
class PipelineOutputTest {

    /** Whose frames these are, for the detector's turns. */
    private static final UUID ORGANIZATION = UUID.randomUUID();

    private static final double THRESHOLD = 0.3;
    /** A raw frame of the site clip with a bare head, the first one the model finds at the camera's threshold. */
    private static Mat raw;

    @Autowired
    PipelineTestData data;
    @Autowired
    CameraConfigReader configs;
    @Autowired
    DetectorSupply detectors;
    @Autowired
    FrameAnnotator annotator;
    @Autowired
    ViewerDemand viewers;
    @Autowired
    LiveBus bus;
    @Autowired
    EventRecorder recorder;
    @Autowired
    CameraStatusReporter status;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TenantTransactions transactions;
    @Autowired
    BlobStore blobs;
    @Autowired
    ClipRings clipRings;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
        registry.add("hardhats.model-path", () -> SharedFiles.referenceModel().toString());
    }

    @BeforeAll
    static void findABareHead(@Autowired DetectorSupply detectors) throws Exception {
        Detector detector = detectors.detector().orElseThrow();
        raw = new Mat();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SharedFiles.siteClip("site-helmets-wide.mp4").toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            for (int index = 0; ; index++) {
                Frame frame = grabber.grabImage();
                assertThat(frame).as("a frame of the clip with a bare head").isNotNull();
                if (index % 15 != 0) {
                    continue;
                }
                converter.convert(frame).copyTo(raw);
                if (detector.detect(ORGANIZATION, raw, 640, 640, THRESHOLD).stream()
                        .anyMatch(d -> d.productClass() == ProductClass.NO_HELMET && d.box().width() >= 12)) {
                    return;
                }
            }
        }
    }

    @AfterAll
    static void release() {
        raw.close();
    }

    @Test
    void inPrivacyModeHeadsAreBlurredInTheStoredFrameItsThumbnailTheLiveFrameAndTheClip() throws Exception {
        Pictures pictures = recordViolation(true);
        assertThat(pictures.detailRatios()).as("stored frame, thumbnail, live frame, sharpest clip frame")
                .allSatisfy(ratio -> assertThat(ratio).isLessThan(0.15));
    }

    @Test
    void withoutPrivacyModeTheHeadsKeepTheirDetail() throws Exception {
        Pictures pictures = recordViolation(false);
        assertThat(pictures.detailRatios()).as("stored frame, thumbnail, live frame, sharpest clip frame")
                .allSatisfy(ratio -> assertThat(ratio).isGreaterThan(0.5));
    }

    @Test
    void liveFramesAreEncodedOnlyWhileSomeoneWantsThem() {
        UUID organization = data.organization("On demand");
        UUID camera = camera(organization, false);
        CameraPipeline pipeline = pipeline(camera, Optional.empty(), copiesItsOwnVideo(camera));
        viewers.follow(camera);
        try {
            for (int i = 0; i < 5; i++) {
                feed(pipeline, i);
            }
            assertThat(bus.latestFrame(camera)).as("nobody watches: nothing encoded").isEmpty();

            AtomicInteger received = new AtomicInteger();
            AtomicInteger fed = new AtomicInteger(5);
            try (LiveBus.Subscription viewer = bus.subscribeFrames(camera, jpeg -> received.incrementAndGet())) {
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    feed(pipeline, fed.getAndIncrement());
                    return received.get() >= 3;
                });
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> !viewers.watched(camera));
            long lastEncoded = bus.latestFrame(camera).orElseThrow().publishedAtMillis();
            for (int i = 0; i < 5; i++) {
                feed(pipeline, fed.getAndIncrement());
            }
            assertThat(bus.latestFrame(camera).orElseThrow().publishedAtMillis())
                    .as("the viewer left: nothing encoded since").isEqualTo(lastEncoded);

            bus.wantFrames(camera);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
                feed(pipeline, fed.getAndIncrement());
                return bus.latestFrame(camera).orElseThrow().publishedAtMillis() > lastEncoded;
            });
        } finally {
            viewers.forget(camera);
        }
    }

    @Test
    void framesNobodyWatchesAreKeptForTheClipAtItsWidthWithoutBeingPublished() throws Exception {
        UUID organization = data.organization("Clips from frames");
        UUID camera = camera(organization, true);
        CameraPipeline pipeline = pipeline(camera, detectors.detector(), clipRings.open(camera, 0.5));
        Instant start = Instant.parse("2026-01-05T08:00:00Z");
        try (Mat empty = new Mat(raw.rows() * 2, raw.cols() * 2, raw.type(), Scalar.all(90)); Mat wide = new Mat()) {
            resize(raw, wide, new Size(raw.cols() * 2, raw.rows() * 2));
            // Nobody on the first frames, then the bare head until its violation fires.
            for (int i = 0; i < 3; i++) {
                pipeline.onFrame(empty.clone(), start.plusSeconds(2L * i), false);
            }
            assertThat(bus.latestFrame(camera)).as("nobody watches: nothing published").isEmpty();
            for (int i = 3; bareHeadEvents(organization, camera) == 0; i++) {
                assertThat(i).as("frames until the violation").isLessThan(40);
                try (Mat copy = wide.clone()) {
                    pipeline.onFrame(copy, start.plusSeconds(2L * i), false);
                }
            }
        } finally {
            clipRings.close(camera);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> data.count(organization,
                "SELECT count(*) FROM events WHERE camera_id = ? AND clip_blob IS NOT NULL", camera) > 0);
        UUID clip = data.query(organization,
                "SELECT clip_blob FROM events WHERE camera_id = ? AND clip_blob IS NOT NULL LIMIT 1", camera, UUID.class);
        Path file = Files.createTempFile("clip-", ".video");
        try {
            Files.write(file, blob(organization, clip));
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.start();
                int frames = 0;
                while (grabber.grabImage() != null) {
                    frames++;
                }
                assertThat(grabber.getImageWidth()).as("the clip's width").isEqualTo(CameraClips.FRAME_WIDTH);
                assertThat(frames).as("the unwatched frames before the violation, and its own").isGreaterThanOrEqualTo(4);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Clips of a camera whose own H.264 video they can copy, so they need no analysed frames. */
    private CameraClips copiesItsOwnVideo(UUID camera) {
        CameraClips clips = clipRings.open(camera, 0.5);
        clips.streamOpened(new StreamFormat(avcodec.AV_CODEC_ID_H264, 640, 360, new byte[0], 1, 90_000));
        clips.packet(new CompressedPacket(0, 0, 3_000, true, new byte[] {0, 0, 0, 1}, Instant.now()));
        return clips;
    }

    /**
     * Feeds frames showing a bare head until the violation is recorded, and waits for its clip
     * (made from the analysed frames: the camera has no video of its own to copy); answers the
     * pictures it left.
     */
    private Pictures recordViolation(boolean privacy) {
        UUID organization = data.organization(privacy ? "Private site" : "Open site");
        Detector detector = detectors.detector().orElseThrow();
        UUID camera = camera(organization, privacy);
        CameraPipeline pipeline = pipeline(camera, Optional.of(detector), clipRings.open(camera, 0.5));
        viewers.follow(camera);
        AtomicReference<byte[]> live = new AtomicReference<>();
        try (LiveBus.Subscription viewer = bus.subscribeFrames(camera, jpeg -> live.compareAndSet(null, jpeg))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> viewers.watched(camera));
            AtomicInteger fed = new AtomicInteger();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                feed(pipeline, fed.getAndIncrement());
                return bareHeadEvents(organization, camera) > 0;
            });
        } finally {
            viewers.forget(camera);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> data.count(organization,
                "SELECT count(*) FROM events WHERE camera_id = ? AND violation_type = 'no_hardhat' "
                        + "AND clip_blob IS NOT NULL", camera) > 0);
        clipRings.close(camera);
        var stored = transactions.call(organization, () -> jdbc.sql("""
                SELECT thumbnail_path, frame_blob, clip_blob, bbox_x, bbox_y, bbox_w, bbox_h FROM events
                WHERE camera_id = ? AND violation_type = 'no_hardhat' AND clip_blob IS NOT NULL
                ORDER BY created_at LIMIT 1
                """).param(camera).query((rs, row) -> new StoredEvent(blob(organization, UUID.fromString(rs.getString(1))),
                blob(organization, rs.getObject(2, UUID.class)), blob(organization, rs.getObject(3, UUID.class)),
                new BoundingBox(
                        (float) (rs.getDouble(4) * raw.cols()), (float) (rs.getDouble(5) * raw.rows()),
                        (float) ((rs.getDouble(4) + rs.getDouble(6)) * raw.cols()),
                        (float) ((rs.getDouble(5) + rs.getDouble(7)) * raw.rows())))).single());
        BoundingBox head = detector.detect(ORGANIZATION, raw, 640, 640, THRESHOLD).stream()
                .filter(d -> d.productClass() == ProductClass.NO_HELMET)
                .map(Detection::box)
                .filter(box -> inside(box, stored.worker()))
                .max(Comparator.comparing(BoundingBox::area))
                .orElseThrow();
        return new Pictures(head, stored, live.get());
    }

    /** An inactive camera (the fleet leaves it alone) of an organisation with privacy mode as given. */
    private UUID camera(UUID organization, boolean privacy) {
        UUID camera = data.placeholderCamera(organization, "Gate", settings -> {
            settings.setActive(false);
            settings.setConfidenceThreshold(THRESHOLD);
        });
        data.update(organization, "UPDATE organizations SET privacy_mode = " + privacy + " WHERE id = "
                + "(SELECT organization_id FROM cameras WHERE id = ?)", camera);
        return camera;
    }

    private CameraPipeline pipeline(UUID camera, Optional<Detector> detector, CameraClips clips) {
        return new CameraPipeline(configs.read(camera).orElseThrow(), detector,
                new LiveOutput(annotator, viewers, bus), recorder, status, json, clips);
    }

    /** Hands the pipeline a copy of the raw frame (the pipeline may blur the one it gets). */
    private static void feed(CameraPipeline pipeline, int index) {
        try (Mat copy = raw.clone()) {
            pipeline.onFrame(copy, Instant.parse("2026-01-05T08:00:00Z").plusMillis(500L * index), false);
        }
    }

    private long bareHeadEvents(UUID organization, UUID camera) {
        return data.count(organization,
                "SELECT count(*) FROM events WHERE camera_id = ? AND violation_type = 'no_hardhat'", camera);
    }

    private byte[] blob(UUID organization, UUID id) {
        return transactions.call(organization, () -> blobs.read(id).orElseThrow().bytes());
    }

    private static boolean inside(BoundingBox inner, BoundingBox outer) {
        float cx = (inner.x1() + inner.x2()) / 2;
        float cy = (inner.y1() + inner.y2()) / 2;
        return cx >= outer.x1() && cx <= outer.x2() && cy >= outer.y1() && cy <= outer.y2();
    }

    private record StoredEvent(byte[] thumbnail, byte[] frame, byte[] clip, BoundingBox worker) {
    }

    /** The pictures a violation left, and the bare head they show. */
    private record Pictures(BoundingBox head, StoredEvent event, byte[] live) {

        /** Pixel variance inside the head, in each picture (the clip's sharpest frame), over the raw frame's. */
        List<Double> detailRatios() throws Exception {
            double rawVariance;
            try (Mat grey = new Mat()) {
                cvtColor(raw, grey, COLOR_BGR2GRAY);
                rawVariance = variance(grey, core(head));
            }
            Rect context = Thumbnails.context(event.worker(), raw.cols(), raw.rows());
            return List.of(variance(event.frame(), core(head)) / rawVariance,
                    variance(event.thumbnail(), thumbnailCore(context)) / rawVariance,
                    variance(live, core(head)) / rawVariance,
                    sharpestClipFrame(event.clip(), core(head)) / rawVariance);
        }

        /** The largest variance inside {@code area} over every frame of the clip, decoded by FFmpeg. */
        private static double sharpestClipFrame(byte[] clip, Rect area) throws Exception {
            Path file = Files.createTempFile("privacy-clip-", ".video");
            try {
                Files.write(file, clip);
                double sharpest = -1;
                try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
                        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
                    grabber.start();
                    for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
                        try (Mat grey = new Mat()) {
                            Mat bgr = converter.convert(frame);
                            assertThat(bgr.cols()).as("the clip keeps the frame's size").isEqualTo(raw.cols() & ~1);
                            cvtColor(bgr, grey, COLOR_BGR2GRAY);
                            sharpest = Math.max(sharpest, variance(grey, area));
                        }
                    }
                }
                assertThat(sharpest).as("the clip has frames").isNotNegative();
                return sharpest;
            } finally {
                Files.deleteIfExists(file);
            }
        }

        /**
         * The middle of the head, where no box outline is drawn; thumbnails are at most 320 px
         * wide, so the head is scaled as the thumbnail was.
         */
        private Rect thumbnailCore(Rect context) {
            double scale = Math.min(1.0, 320.0 / context.width());
            return core(new BoundingBox((float) ((head.x1() - context.x()) * scale),
                    (float) ((head.y1() - context.y()) * scale), (float) ((head.x2() - context.x()) * scale),
                    (float) ((head.y2() - context.y()) * scale)));
        }

        private static Rect core(BoundingBox box) {
            int x = Math.round(box.x1() + box.width() / 4);
            int y = Math.round(box.y1() + box.height() / 4);
            return new Rect(x, y, Math.max(2, Math.round(box.width() / 2)), Math.max(2, Math.round(box.height() / 2)));
        }

        private static double variance(byte[] jpeg, Rect area) {
            try (BytePointer bytes = new BytePointer(jpeg); Mat encoded = new Mat(1, jpeg.length, CV_8UC1, bytes);
                    Mat grey = imdecode(encoded, IMREAD_GRAYSCALE)) {
                return variance(grey, area);
            }
        }

        private static double variance(Mat grey, Rect area) {
            try (Mat region = new Mat(grey, area); Mat mean = new Mat(); Mat deviation = new Mat()) {
                meanStdDev(region, mean, deviation);
                try (DoubleIndexer sd = deviation.createIndexer()) {
                    return sd.get(0) * sd.get(0);
                }
            }
        }
    }
}
