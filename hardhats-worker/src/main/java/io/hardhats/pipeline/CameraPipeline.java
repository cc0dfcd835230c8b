package io.hardhats.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.hardhats.cameras.CameraConfig;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.clips.CameraClips;
import io.hardhats.ingest.CompressedPacket;
import io.hardhats.ingest.FrameListener;
import io.hardhats.ingest.StreamFormat;
import io.hardhats.privacy.HeadBlur;
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
 * One camera's analysis, frame by frame: detect, blur heads in privacy mode, apply the violation
 * rules, annotate and publish the live frame, and record events with that same annotated frame
 * (encoded once). The live frame is drawn and encoded only while someone watches the camera or a
 * violation or the evidence clip needs it (a clip made from the analysed frames
 * needs every one). In privacy mode the frame is blurred in place right after detection, so every
 * later use of it (live frame, event frame, thumbnail, clip) sees the heads blurred. Runs on the
 * camera's ingest thread; a failure on one frame is logged and the next frame goes on. The live
 * source's packets are kept for evidence clips too. Edited detection settings arrive from another
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
    private final LiveOutput live;
    private final EventRecorder recorder;
    private final CameraStatusReporter status;
    private final JsonMapper json;
    private final CameraClips clips;
    private final AtomicLong unflushedFrames = new AtomicLong();
    private volatile Instant lastFlush = Instant.now();
    private volatile Instant lastFrameAt;

    CameraPipeline(CameraConfig camera, Optional<Detector> detector, LiveOutput live, EventRecorder recorder,
            CameraStatusReporter status, JsonMapper json, CameraClips clips) {
        this.camera = camera;
        this.detector = detector;
        this.live = live;
        this.recorder = recorder;
        this.status = status;
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
            if (camera.privacyMode()) {
                blurHeads(bgr, analysis);
            }
            clips.allowCompressedCopy(!camera.privacyMode());
            if (!analysis.violations().isEmpty() || live.viewers().watched(camera.id())) {
                publish(camera, bgr, analysis, capturedAt, placeholder);
            } else if (clips.needsAnalysedFrames()) {
                keepForClip(camera, bgr, analysis, capturedAt, placeholder);
            } else if (placeholder) {
                clips.placeholderFrame();
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

    private void blurHeads(Mat bgr, Analysis analysis) {
        if (detector.isPresent()) {
            HeadBlur.heads(bgr, analysis.heads());
        } else {
            HeadBlur.wholeFrame(bgr);
        }
    }

    private void publish(CameraConfig camera, Mat bgr, Analysis analysis, Instant capturedAt, boolean placeholder) {
        List<BoundingBox> flagged = analysis.violations().stream().map(Violation::box).toList();
        byte[] frame = live.annotator().annotate(bgr, new FrameAnnotator.Drawing(analysis.detections(), flagged, zone,
                camera.name(), capturedAt, placeholder), FrameAnnotator.MAX_WIDTH);
        live.bus().publishFrame(camera.id(), frame);
        clips.analysed(frame, capturedAt, placeholder);
        if (!analysis.violations().isEmpty()) {
            List<EventRecorder.Flagged> withThumbnails = analysis.violations().stream().map(violation ->
                    new EventRecorder.Flagged(violation, Thumbnails.crop(bgr, violation.box(), THUMBNAIL_QUALITY)))
                    .toList();
            recorder.record(camera.organizationId(), camera.id(), withThumbnails, frame, capturedAt);
        }
    }

    /** A frame only a clip may show: drawn as a viewer would see it, at the clip's smaller width. */
    private void keepForClip(CameraConfig camera, Mat bgr, Analysis analysis, Instant capturedAt, boolean placeholder) {
        FrameAnnotator.Drawing drawing = new FrameAnnotator.Drawing(analysis.detections(), List.of(), zone,
                camera.name(), capturedAt, placeholder);
        clips.analysed(live.annotator().annotate(bgr, drawing, CameraClips.FRAME_WIDTH), capturedAt, placeholder);
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

    /**
     * What the detector saw on one frame at the camera's threshold, which violations fired on it,
     * and the heads to blur (in privacy mode down to {@link HeadBlur#CONFIDENCE}).
     */
    private record Analysis(List<Detection> detections, List<Violation> violations, List<Detection> heads) {
        static final Analysis NOTHING = new Analysis(List.of(), List.of(), List.of());
    }

    /**
     * One detector run serves both the rules and the blur: at a lower threshold the detector keeps
     * every box it keeps at a higher one (candidates are chosen and suppressed in order of
     * confidence), so filtering afterwards gives the rules exactly what they would have got.
     */
    private Analysis analyse(Detector detector, CameraConfig camera, Mat bgr, Instant capturedAt) {
        double threshold = camera.confidenceThreshold();
        double lowest = camera.privacyMode() ? Math.min(threshold, HeadBlur.CONFIDENCE) : threshold;
        List<Detection> found = detector.detect(camera.organizationId(), bgr, camera.inferenceWidth(),
                camera.inferenceHeight(), lowest);
        List<Detection> detections = found.stream().filter(d -> d.confidence() >= (float) threshold).toList();
        List<Detection> heads = found.stream().filter(HeadBlur::isHead).toList();
        return new Analysis(detections, rules.evaluate(detections, bgr.cols(), bgr.rows(), capturedAt), heads);
    }

    @Override
    public void onStreamOpened(StreamFormat format) {
        clips.streamOpened(format);
    }

    @Override
    public boolean wantsPackets() {
        return clips.keepsPackets();
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
