package io.hardhats.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Builds an {@link FFmpegFrameGrabber} for one source: RTSP over TCP with a socket timeout
 * ({@code timeout}, µs; FFmpeg ignores the old {@code stimeout}), one decoder thread per camera,
 * a modest probe, BGR output, and keyframe-only decoding ({@code skip_frame=nokey}) when chosen.
 */
public final class GrabberOptions {

    /** Probe at most this much before the first frame: cameras send SPS/PPS with each keyframe. */
    static final String ANALYZE_DURATION_US = "2000000";
    static final String PROBE_SIZE_BYTES = "2000000";

    /** The largest picture decoded (4K UHD); a larger one is refused before its first frame. */
    public static final int MAX_WIDTH = 3840;
    public static final int MAX_HEIGHT = 2160;

    /**
     * The largest single block FFmpeg may allocate in this process (its default is 2 GiB). A 4K
     * frame in BGR is 25 MB; a file that declares a huge picture makes FFmpeg (and the grabber's
     * BGR buffer, allocated while starting, before any size can be checked) fail that one
     * source instead of taking hundreds of MB of native memory per attempt.
     */
    static final long MAX_ALLOC_BYTES = 64L * 1024 * 1024;

    static {
        try {
            // FFmpeg logs straight to stderr, where nothing can redact it: keep it to fatal errors.
            avutil.av_log_set_level(avutil.AV_LOG_FATAL);
            avutil.av_max_alloc(MAX_ALLOC_BYTES);
        } catch (Throwable ignored) {
            // natives missing: the grabber reports it when it starts
        }
    }

    private GrabberOptions() {
    }

    /**
     * Makes a started grabber scale frames wider than {@code maxWidth} down while it converts
     * them to BGR (aspect kept, even height): one pass instead of a full-size conversion plus a
     * resize, and a smaller frame for everything after it. 0 keeps the source size.
     */
    public static void limitWidth(FFmpegFrameGrabber started, int maxWidth) {
        int width = started.getImageWidth();
        int height = started.getImageHeight();
        if (maxWidth <= 0 || width <= maxWidth || height <= 0) {
            return;
        }
        started.setImageWidth(maxWidth);
        started.setImageHeight(Math.max(2, (int) Math.round((double) height * maxWidth / width / 2) * 2));
    }

    /** Why a started grabber's picture is refused, or empty when its size is one the product decodes. */
    public static Optional<SourceFailure> unsupportedSize(FFmpegFrameGrabber started) {
        int width = started.getImageWidth();
        int height = started.getImageHeight();
        if (width <= 0 || height <= 0) {
            return Optional.of(SourceFailure.Kind.NOT_A_VIDEO.because("no video stream"));
        }
        if ((long) width * height > (long) MAX_WIDTH * MAX_HEIGHT || Math.max(width, height) > 2 * MAX_WIDTH) {
            return Optional.of(SourceFailure.Kind.NOT_A_VIDEO.because("the picture is " + width + "x" + height
                    + ", larger than the " + MAX_WIDTH + "x" + MAX_HEIGHT + " cameras may send"));
        }
        return Optional.empty();
    }

    public static boolean isRtsp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("rtsp://") || lower.startsWith("rtsps://");
    }

    static boolean isNetwork(String url) {
        return url.contains("://") && !url.toLowerCase(Locale.ROOT).startsWith("file:");
    }

    /**
     * A grabber (not started) for {@code url}.
     *
     * @param ioTimeout     how long a connect or read may wait for the network
     * @param keyframesOnly decode keyframes only
     */
    public static FFmpegFrameGrabber create(String url, Duration ioTimeout, boolean keyframesOnly) {
        String target = url.toLowerCase(Locale.ROOT).startsWith("file:") ? url.substring(5) : url;
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(target);
        String timeoutMicros = Long.toString(ioTimeout.toNanos() / 1000);
        if (isRtsp(url)) {
            grabber.setOption("rtsp_transport", "tcp");
            grabber.setOption("timeout", timeoutMicros);
        } else if (isNetwork(target)) {
            grabber.setOption("rw_timeout", timeoutMicros);
        }
        grabber.setOption("analyzeduration", ANALYZE_DURATION_US);
        grabber.setOption("probesize", PROBE_SIZE_BYTES);
        grabber.setOption("threads", "1");
        grabber.setVideoOption("threads", "1");
        if (keyframesOnly) {
            grabber.setVideoOption("skip_frame", "nokey");
        }
        grabber.setImageMode(FrameGrabber.ImageMode.COLOR);
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        return grabber;
    }
}
