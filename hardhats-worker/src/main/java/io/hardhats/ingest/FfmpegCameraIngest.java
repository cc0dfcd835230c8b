package io.hardhats.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.hardhats.cameras.AnalysisRate;
import io.hardhats.cameras.CameraHostGuard;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.cameras.SourceType;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's reader, on its own thread: connect → read loop → reconnect with backoff →
 * placeholder fallback (or ERROR), until {@link #close()}. The {@link Demuxer} reads packets
 * and opens no decoder of its own; the live source's video packets are reported as received (for evidence clips), then decoded with
 * FFmpeg (keyframes only when the analysis interval allows), and the pictures due at the target
 * rate are converted into the ingest's own frame and handed to the listener. Nothing thrown
 * here leaves the thread.
 */
public final class FfmpegCameraIngest implements CameraIngest {

    private static final Logger log = LoggerFactory.getLogger(FfmpegCameraIngest.class);

    private final CameraSource source;
    private final FrameListener listener;
    private final IngestSettings settings;
    private final CameraHostGuard hosts;
    private final double targetFps;
    private final Thread thread;
    private final FramePacer pacer;
    private final Map<String, Boolean> keyframeDecisions = new HashMap<>();
    private final AtomicLong decodedFrames = new AtomicLong();
    private final AtomicLong analysedFrames = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean keyframesOnly;
    private volatile CameraStatus status;
    private String statusMessage;

    FfmpegCameraIngest(CameraSource source, FrameListener listener, IngestSettings settings, CameraHostGuard hosts) {
        this.source = Objects.requireNonNull(source, "source");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.targetFps = AnalysisRate.FPS.nearest(source.targetFps());
        this.pacer = new FramePacer(targetFps);
        this.thread = new Thread(this::run, "ingest-" + source.cameraId());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Frames decoded so far (all of them in decode-and-drop mode, keyframes in keyframe-only mode). */
    public long decodedFrames() {
        return decodedFrames.get();
    }

    /** Frames handed to the listener so far. */
    public long analysedFrames() {
        return analysedFrames.get();
    }

    /** Whether the current connection decodes keyframes only. */
    public boolean keyframesOnly() {
        return keyframesOnly;
    }

    public CameraStatus status() {
        return status;
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (Thread.currentThread() == thread) {
            return; // closed from the listener: the loop ends after this frame
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- the camera thread

    private void run() {
        try (Mat owned = new Mat()) {
            Reader reader = new Reader(owned);
            if (source.forcePlaceholder()) {
                reader.placeholderOnly();
            } else {
                reader.sourceLoop();
            }
        } catch (InterruptedException e) {
            // closing
        } catch (Throwable t) {
            String message = CredentialRedactor.redact(String.valueOf(t.getMessage()));
            log.error("Camera {} ingest failed: {}: {}", source.cameraId(), t.getClass().getSimpleName(), message);
            if (!closed) {
                report(CameraStatus.ERROR, SourceFailure.classify(t).message());
            }
        } finally {
            log.debug("Camera {} ingest stopped ({} decoded, {} analysed)", source.cameraId(),
                    decodedFrames.get(), analysedFrames.get());
        }
    }

    private void report(CameraStatus newStatus, String message) {
        String safe = CredentialRedactor.redact(message);
        if (newStatus == status && Objects.equals(safe, statusMessage)) {
            return;
        }
        status = newStatus;
        statusMessage = safe;
        if (newStatus == CameraStatus.ERROR) {
            log.warn("Camera {} {}: {}", source.cameraId(), newStatus, safe);
        } else {
            log.info("Camera {} {}{}", source.cameraId(), newStatus, safe == null ? "" : ": " + safe);
        }
        try {
            listener.onStatus(newStatus, safe);
        } catch (RuntimeException e) {
            log.warn("Camera {} status listener failed", source.cameraId(), e);
        }
    }

    private void sleep(Duration d) throws InterruptedException {
        if (closed) {
            throw new InterruptedException();
        }
        Thread.sleep(Math.max(1, d.toMillis()));
    }

    /** How one connection ended. */
    private record Session(boolean gotFrames, Duration healthyFor, SourceFailure failure, boolean reopen) {
    }

    private final class Reader {
        private final Mat owned;

        Reader(Mat owned) {
            this.owned = owned;
        }

        /** The camera's own source, with backoff, placeholder fallback and slow retries. */
        void sourceLoop() throws InterruptedException {
            String url = source.url();
            boolean loop = source.type() == SourceType.FILE;
            RtspReconnectPolicy policy = settings.newPolicy();
            boolean degraded = false;
            while (!closed) {
                if (!degraded) {
                    report(CameraStatus.CONNECTING, null);
                }
                Session s = read(url, false, loop, Long.MAX_VALUE);
                if (closed) {
                    return;
                }
                if (s.reopen()) {
                    continue;
                }
                if (s.gotFrames()) {
                    if (degraded) {
                        policy.reset();
                    }
                    degraded = false;
                    policy.connectionEnded(s.healthyFor());
                }
                SourceFailure failure = s.failure();
                log.info("Camera {} disconnected: {}", source.cameraId(), failure.message());
                Optional<Duration> delay = degraded ? Optional.empty() : policy.nextDelay();
                if (delay.isPresent()) {
                    report(CameraStatus.CONNECTING, null);
                    log.info("Camera {} reconnecting in {} ms (try {})", source.cameraId(),
                            delay.get().toMillis(), policy.failures());
                    sleep(delay.get());
                    continue;
                }
                degraded = true;
                if (source.placeholderVideo() != null) {
                    playPlaceholder(failure.message(), System.nanoTime() + settings.liveRetryInterval().toNanos());
                } else {
                    report(CameraStatus.ERROR, failure.message());
                    sleep(policy.cap());
                }
            }
        }

        /** {@code use_placeholder}: only the placeholder, looping. */
        void placeholderOnly() throws InterruptedException {
            if (source.placeholderVideo() == null) {
                report(CameraStatus.ERROR, "placeholder requested but the camera has no placeholder video");
                while (!closed) {
                    sleep(Duration.ofSeconds(60));
                }
                return;
            }
            while (!closed) {
                playPlaceholder(null, Long.MAX_VALUE);
            }
        }

        /** Plays the placeholder until the deadline; a broken placeholder is an ERROR. */
        private void playPlaceholder(String reason, long deadlineNanos) throws InterruptedException {
            String url = source.placeholderVideo().toAbsolutePath().toString();
            while (!closed && System.nanoTime() < deadlineNanos) {
                Session s = read(url, true, true, deadlineNanos, reason);
                if (closed || s.reopen()) {
                    continue;
                }
                if (s.failure() != null && !s.gotFrames()) {
                    report(CameraStatus.ERROR, "placeholder video unusable: " + s.failure().message()
                            + (reason == null ? "" : "; live source: " + reason));
                    sleep(settings.backoffCap());
                }
            }
        }

        private Session read(String url, boolean placeholder, boolean loop, long deadlineNanos)
                throws InterruptedException {
            return read(url, placeholder, loop, deadlineNanos, null);
        }

        /** One connection: open, read until it fails, the deadline passes or the ingest closes. */
        private Session read(String url, boolean placeholder, boolean loop, long deadlineNanos, String reason)
                throws InterruptedException {
            Boolean decided = keyframeDecisions.get(url);
            boolean keyOnly = decided != null && decided;
            keyframesOnly = keyOnly;
            String target;
            try {
                // Resolved and checked on every connect: the name may point elsewhere by now.
                target = placeholder ? url : hosts.pinned(url);
            } catch (CameraHostGuard.ForbiddenHostException e) {
                return new Session(false, Duration.ZERO,
                        SourceFailure.Kind.UNREACHABLE.because("refused: " + e.getMessage()), false);
            }
            Connection connection = new Connection(url, placeholder, reason,
                    decided == null ? new KeyframePolicy(targetFps) : null);
            Demuxer demuxer = null;
            try {
                demuxer = Demuxer.open(target, settings.ioTimeout());
                Optional<SourceFailure> unusable = unsupported(demuxer);
                if (unusable.isPresent()) {
                    return new Session(false, Duration.ZERO, unusable.get(), false);
                }
                pacer.restartClock();
                return connection.readFrames(demuxer, keyOnly, loop, deadlineNanos);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | LinkageError e) {
                if (closed) {
                    throw new InterruptedException();
                }
                SourceFailure failure = SourceFailure.classify(e);
                log.debug("Camera {} read failed: {}", source.cameraId(), CredentialRedactor.redact(e.getMessage()));
                return connection.ended(failure);
            } finally {
                if (demuxer != null) {
                    demuxer.close();
                }
            }
        }

        /** Why the source's picture cannot be decoded here, before any of it is. */
        private static Optional<SourceFailure> unsupported(Demuxer demuxer) {
            AVStream video = demuxer.video();
            return video == null ? GrabberOptions.unsupportedSize(0, 0)
                    : GrabberOptions.unsupportedSize(video.codecpar().width(), video.codecpar().height());
        }

        /** What one open connection has seen so far, for the {@link Session} it ends with. */
        private final class Connection {
            private final String url;
            private final boolean placeholder;
            private final String reason;
            /** Measures the keyframe interval on the first connection to a URL; null once decided. */
            private KeyframePolicy measuring;
            private boolean got;
            private long firstFrameNanos;

            Connection(String url, boolean placeholder, String reason, KeyframePolicy measuring) {
                this.url = url;
                this.placeholder = placeholder;
                this.reason = reason;
                this.measuring = measuring;
            }

            /**
             * Reads packets until the stream ends or stalls, the deadline passes or the ingest closes:
             * each live video packet goes to the listener as received, then to the decoder.
             */
            Session readFrames(Demuxer demuxer, boolean keyOnly, boolean loop, long deadlineNanos)
                    throws Exception {
                VideoDecoder decoder = decoderFor(demuxer, keyOnly);
                try {
                    long lastFrameNanos = System.nanoTime();
                    long healthNanos = settings.healthTimeout().toNanos();
                    while (!closed && System.nanoTime() < deadlineNanos) {
                        AVPacket packet = demuxer.read();
                        if (packet == null) {
                            if (!loop) {
                                return ended(new SourceFailure(SourceFailure.Kind.STREAM_ENDED, "the stream ended"));
                            }
                            decoder.close();
                            decoder = null;
                            demuxer.reopen();
                            decoder = decoderFor(demuxer, keyOnly);
                            pacer.restartClock();
                            lastFrameNanos = System.nanoTime();
                            continue;
                        }
                        try {
                            if (!decoder.isVideo(packet)) {
                                continue;
                            }
                            if (!placeholder && listener.wantsPackets()) {
                                listener.onPacket(CompressedPacket.copyOf(packet));
                            }
                            decoder.send(packet);
                        } finally {
                            av_packet_unref(packet);
                        }
                        while (decoder.receive()) {
                            long now = System.nanoTime();
                            if (now - lastFrameNanos > healthNanos) {
                                return ended(SourceFailure.Kind.TIMEOUT.because(
                                        "no frame for " + settings.healthTimeout().toSeconds() + " s"));
                            }
                            lastFrameNanos = now;
                            if (picture(decoder, loop, now)) {
                                return new Session(true, Duration.ofNanos(now - firstFrameNanos), null, true);
                            }
                        }
                    }
                    return ended(null);
                } finally {
                    if (decoder != null) {
                        decoder.close();
                    }
                }
            }

            private VideoDecoder decoderFor(Demuxer demuxer, boolean keyOnly) {
                VideoDecoder decoder = new VideoDecoder(demuxer, source.maxFrameWidth(), keyOnly);
                if (!placeholder) {
                    listener.onStreamOpened(decoder.format());
                }
                return decoder;
            }

            /** One decoded picture: status, keyframe measurement, pacing, delivery. True to reopen. */
            private boolean picture(VideoDecoder decoder, boolean loop, long now) throws InterruptedException {
                decodedFrames.incrementAndGet();
                if (!got) {
                    got = true;
                    firstFrameNanos = now;
                    report(placeholder ? CameraStatus.PLACEHOLDER : CameraStatus.ONLINE, placeholder ? reason : null);
                }
                if (measureKeyframes(decoder.timestampMicros(), decoder.keyFrame())) {
                    return true;
                }
                long t = pacer.continuous(decoder.timestampMicros());
                if (loop) {
                    pacer.pace(t);
                }
                if (pacer.due(t)) {
                    deliver(decoder, placeholder);
                }
                return false;
            }

            /**
             * Feeds the keyframe measurement while it runs. True when it decides on keyframes only: the
             * decoder must then be reopened to skip the other frames.
             */
            private boolean measureKeyframes(long timestampMicros, boolean keyFrame) {
                if (measuring == null || !measuring.observe(timestampMicros, keyFrame)) {
                    return false;
                }
                keyframeDecisions.put(url, measuring.decodeKeyframesOnly());
                log.info("Camera {}: keyframe interval {} ms, analysis every {} ms: {}", source.cameraId(),
                        measuring.keyframeIntervalMicros().isPresent()
                                ? measuring.keyframeIntervalMicros().getAsLong() / 1000 : "> analysis interval",
                        measuring.analysisIntervalMicros() / 1000,
                        measuring.decodeKeyframesOnly() ? "decoding keyframes only" : "decoding all frames");
                boolean reopen = measuring.decodeKeyframesOnly();
                measuring = null;
                return reopen;
            }

            Session ended(SourceFailure failure) {
                Duration healthyFor = Duration.ofNanos(got ? System.nanoTime() - firstFrameNanos : 0);
                return new Session(got, healthyFor, failure, false);
            }
        }

        /** Converts the decoded picture into the ingest's own Mat and hands it over. */
        private void deliver(VideoDecoder decoder, boolean placeholder) {
            decoder.convertTo(owned);
            analysedFrames.incrementAndGet();
            try {
                listener.onFrame(owned, Instant.now(), placeholder);
            } catch (RuntimeException e) {
                log.warn("Camera {} frame listener failed", source.cameraId(), e);
            }
        }
    }
}
