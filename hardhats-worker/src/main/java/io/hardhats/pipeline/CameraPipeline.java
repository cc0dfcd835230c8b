package io.hardhats.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.hardhats.bus.LiveBus;
import io.hardhats.cameras.CameraConfig;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.clips.CameraClips;
import io.hardhats.ingest.CompressedPacket;
import io.hardhats.ingest.FrameListener;
import io.hardhats.ingest.StreamFormat;
import io.hardhats.publish.FrameAnnotator;
import io.hardhats.publish.Thumbnails;
import io.hardhats.rules.RuleSettings;
import io.hardhats.rules.Violation;
import io.hardhats.rules.ViolationRules;
import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.Detection;
import io.hardhats.vision.Detector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One camera's analysis, frame by frame: detect, apply the violation rules, annotate and publish
 * the live frame, and record events with that same annotated frame (encoded once). The live
 * source's packets and the published frames are kept for evidence clips. Runs on the camera's ingest thread; a failure on one
 * frame is logged and the next frame goes on. Edited detection settings arrive from another
 * thread through {@link #reconfigure} and take effect at the next frame, with the tracks, streaks
 * and cooldowns of the rules carried over. Without a detector the frames are published as they
 * are, counted as seen but not as analysed, and every status report says so.
 */
final class CameraPipeline implements FrameListener {

    private static final Logger log = LoggerFactory.getLogger(CameraPipeline.class);
    private static final TypeReference<List<List<Double>>> POLYGON = new TypeReference<>() {
    };
    static final Duration FLUSH_EVERY = Duration.ofSeconds(10);
    static final int THUMBNAIL_QUALITY = 80;

    private volatile CameraConfig camera;
    private final Optional<Detector> detector;
    private final ViolationRules rules;
    private CameraConfig applied; // the settings the rules and zone were built from; ingest thread only
    private List<List<Double>> zone;
    private final FrameAnnotator annotator;
    private final EventRecorder recorder;
    private final CameraStatusReporter status;
    private final LiveBus bus;
    private final JsonMapper json;
    private final CameraClips clips;
    private final AtomicLong unflushedFrames = new AtomicLong();
    private volatile Instant lastFlush = Instant.now();
    private volatile Instant lastFrameAt;

    CameraPipeline(CameraConfig camera, Optional<Detector> detector, FrameAnnotator annotator, EventRecorder recorder,
            CameraStatusReporter status, LiveBus bus, JsonMapper json, CameraClips clips) {
        this.camera = camera;
        this.detector = detector;
        this.annotator = annotator;
        this.recorder = recorder;
        this.status = status;
        this.bus = bus;
        this.json = json;
        this.clips = clips;
        this.applied = camera;
        this.zone = zoneOf(camera);
        this.rules = new ViolationRules(RuleSettings.from(camera.detectionMode(), zone));
    }

    /** Edited detection settings (mode, zone, confidence threshold), for the next frame on. */
    void reconfigure(CameraConfig edited) {
        this.camera = edited;
    }

    @Override
    public void onFrame(Mat bgr, Instant capturedAt, boolean placeholder) {
        try {
            CameraConfig camera = current();
            Analysis analysis = detector.map(d -> analyse(d, camera, bgr, capturedAt)).orElse(Analysis.NOTHING);
            List<BoundingBox> flagged = analysis.violations().stream().map(Violation::box).toList();
            byte[] frame = annotator.annotate(bgr, analysis.detections(), flagged, zone, camera.name(), capturedAt,
                    placeholder);
            bus.publishFrame(camera.id(), frame);
            clips.analysed(frame, capturedAt, placeholder);
            for (Violation violation : analysis.violations()) {
                byte[] thumbnail = Thumbnails.crop(bgr, violation.box(), THUMBNAIL_QUALITY);
                recorder.record(camera.organizationId(), camera.id(), violation, thumbnail, frame, capturedAt);
            }
            lastFrameAt = capturedAt;
            unflushedFrames.incrementAndGet();
            if (Duration.between(lastFlush, Instant.now()).compareTo(FLUSH_EVERY) >= 0) {
                flush();
            }
        } catch (RuntimeException e) {
            log.warn("Camera {}: a frame could not be analysed: {}", camera.id(), e.toString());
        }
    }

    /** The latest settings, with the rules and zone brought up to date (ingest thread). */
    private CameraConfig current() {
        CameraConfig latest = camera;
        if (latest != applied) {
            zone = zoneOf(latest);
            rules.settings(RuleSettings.from(latest.detectionMode(), zone));
            applied = latest;
        }
        return latest;
    }

    private List<List<Double>> zoneOf(CameraConfig config) {
        return config.zonePolygonJson() == null ? null : json.readValue(config.zonePolygonJson(), POLYGON);
    }

    /** What the detector saw on one frame and which violations fired on it. */
    private record Analysis(List<Detection> detections, List<Violation> violations) {
        static final Analysis NOTHING = new Analysis(List.of(), List.of());
    }

    private Analysis analyse(Detector detector, CameraConfig camera, Mat bgr, Instant capturedAt) {
        List<Detection> detections = detector.detect(bgr, camera.inferenceWidth(), camera.inferenceHeight(),
                camera.confidenceThreshold());
        return new Analysis(detections, rules.evaluate(detections, bgr.cols(), bgr.rows(), capturedAt));
    }

    @Override
    public void onStreamOpened(StreamFormat format) {
        clips.streamOpened(format);
    }

    @Override
    public void onPacket(CompressedPacket packet) {
        clips.packet(packet);
    }

    @Override
    public void onStatus(CameraStatus newStatus, String errorMessage) {
        try {
            status.report(camera.organizationId(), camera.id(), newStatus, errorMessage, detector.isEmpty());
        } catch (RuntimeException e) {
            log.warn("Camera {}: status {} could not be saved: {}", camera.id(), newStatus, e.toString());
        }
    }

    /** Writes the frame count and last-seen time gathered since the previous flush. */
    void flush() {
        lastFlush = Instant.now();
        long frames = unflushedFrames.getAndSet(0);
        Instant seen = lastFrameAt;
        if (frames == 0 || seen == null) {
            return;
        }
        try {
            if (detector.isPresent()) {
                recorder.countFrames(camera.organizationId(), camera.id(), LocalDate.ofInstant(seen, ZoneOffset.UTC),
                        frames);
            }
            status.seen(camera.organizationId(), camera.id(), seen);
        } catch (RuntimeException e) {
            unflushedFrames.addAndGet(frames);
            log.warn("Camera {}: frame statistics could not be saved: {}", camera.id(), e.toString());
        }
    }
}
