package io.hardhats.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * How FFmpeg opens a source, the one home of these options: RTSP over TCP with a socket timeout
 * ({@code timeout}, µs; FFmpeg ignores the old {@code stimeout}), a read timeout for other network
 * sources, a modest probe, one decoder thread, and the largest picture decoded. The worker's
 * demuxer opens sources with {@link #formatOptions} and decodes with its own decoder; a probe
 * uses the {@link FFmpegFrameGrabber} built by {@link #create}, which decodes to BGR.
 */
public final class GrabberOptions {

    /** Probe at most this much before the first frame: cameras send SPS/PPS with each keyframe. */
    static final String ANALYZE_DURATION_US = "2000000";
    static final String PROBE_SIZE_BYTES = "2000000";

    /** The largest picture decoded (4K UHD); a larger one is refused before its first frame. */
    public static final int MAX_WIDTH = 3840;
    public static final int MAX_HEIGHT = 2160;

    /** Decoder threads per source: a camera is one of many on a worker, so one core's share each. */
    public static final int DECODER_THREADS = 1;

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

    /** Why a source's picture is refused, or empty when its size is one the product decodes. */
    public static Optional<SourceFailure> unsupportedSize(int width, int height) {
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

    /** What FFmpeg opens for {@code url}: a {@code file:} URL's path, anything else as it is. */
    public static String target(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("file:") ? url.substring(5) : url;
    }

    /**
     * The demuxer's options for {@code url}, in the order they are set.
     *
     * @param ioTimeout how long a connect or read may wait for the network
     */
    public static Map<String, String> formatOptions(String url, Duration ioTimeout) {
        Map<String, String> options = new LinkedHashMap<>();
        String timeoutMicros = Long.toString(ioTimeout.toNanos() / 1000);
        if (isRtsp(url)) {
            options.put("rtsp_transport", "tcp");
            options.put("timeout", timeoutMicros);
        } else if (isNetwork(target(url))) {
            options.put("rw_timeout", timeoutMicros);
        }
        options.put("analyzeduration", ANALYZE_DURATION_US);
        options.put("probesize", PROBE_SIZE_BYTES);
        return options;
    }

    /**
     * A grabber (not started) for {@code url} that decodes to BGR.
     *
     * @param ioTimeout how long a connect or read may wait for the network
     */
    public static FFmpegFrameGrabber create(String url, Duration ioTimeout) {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(target(url));
        formatOptions(url, ioTimeout).forEach(grabber::setOption);
        grabber.setVideoOption("threads", Integer.toString(DECODER_THREADS));
        grabber.setImageMode(FrameGrabber.ImageMode.COLOR);
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        return grabber;
    }
}
