package io.hardhats.ingest;

import java.time.Duration;
import java.util.OptionalLong;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.springframework.stereotype.Component;

/**
 * "Test connection": opens a source for at most a few seconds and reports its codec, size,
 * frame rate and keyframe interval, or a classified error without credentials.
 */
@Component
public class SourceProbe {

    /** The result; on failure only {@code failure} is set. Keyframe interval null when unmeasured. */
    public record Result(boolean ok, String codec, int width, int height, double fps,
            Double keyframeIntervalSeconds, SourceFailure failure) {

        static Result failed(SourceFailure failure) {
            return new Result(false, null, 0, 0, 0, null, failure);
        }
    }

    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);

    public Result probe(String url) {
        return probe(url, DEFAULT_LIMIT);
    }

    /** Probes {@code url}, spending at most about {@code limit}. Never throws. */
    public Result probe(String url, Duration limit) {
        if (url == null || url.isBlank()) {
            return Result.failed(new SourceFailure(SourceFailure.Kind.NOT_FOUND, "not found: no URL"));
        }
        long deadline = System.nanoTime() + limit.toNanos();
        Duration ioTimeout = limit.dividedBy(3);
        FFmpegFrameGrabber grabber = GrabberOptions.create(url, ioTimeout, false);
        try {
            grabber.start();
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            if (width <= 0 || height <= 0) {
                return Result.failed(SourceFailure.notAVideo("no video stream"));
            }
            String codec = grabber.getVideoCodecName();
            double fps = grabber.getVideoFrameRate();
            // Keyframe interval: the time between the first two keyframes, within the time left.
            long firstKey = Long.MIN_VALUE;
            OptionalLong interval = OptionalLong.empty();
            boolean anyFrame = false;
            while (System.nanoTime() < deadline) {
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    break;
                }
                if (frame.image == null) {
                    continue;
                }
                anyFrame = true;
                if (frame.keyFrame) {
                    if (firstKey == Long.MIN_VALUE) {
                        firstKey = frame.timestamp;
                    } else if (frame.timestamp > firstKey) {
                        interval = OptionalLong.of(frame.timestamp - firstKey);
                        break;
                    }
                }
            }
            if (!anyFrame) {
                return Result.failed(SourceFailure.notAVideo("no frame could be decoded"));
            }
            return new Result(true, codec, width, height, fps,
                    interval.isPresent() ? interval.getAsLong() / 1e6 : null, null);
        } catch (Exception | LinkageError e) {
            return Result.failed(SourceFailure.classify(e));
        } finally {
            try {
                grabber.close();
            } catch (Exception ignored) {
                // nothing more to report
            }
        }
    }
}
