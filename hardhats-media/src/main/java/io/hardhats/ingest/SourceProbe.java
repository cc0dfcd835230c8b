package io.hardhats.ingest;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
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

    /**
     * Probes {@code url}, spending at most about {@code limit} and the byte and frame budgets of
     * {@code limits}; once a budget is spent it reports what it has (the keyframe interval
     * unmeasured). Never throws.
     */
    public Result probe(String url, Duration limit, ProbeLimits limits) {
        if (url == null || url.isBlank()) {
            return Result.failed(SourceFailure.Kind.NOT_FOUND.because("no URL"));
        }
        long deadline = System.nanoTime() + limit.toNanos();
        Duration ioTimeout = limit.dividedBy(3);
        FFmpegFrameGrabber grabber = GrabberOptions.create(url, ioTimeout);
        try {
            grabber.start();
            Optional<SourceFailure> unsupported = GrabberOptions.unsupportedSize(grabber.getImageWidth(),
                    grabber.getImageHeight());
            if (unsupported.isPresent()) {
                return Result.failed(unsupported.get());
            }
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            String codec = grabber.getVideoCodecName();
            double fps = grabber.getVideoFrameRate();
            // Keyframe interval: the time between the first two keyframes, within the budgets.
            long firstKey = Long.MIN_VALUE;
            OptionalLong interval = OptionalLong.empty();
            boolean anyFrame = false;
            BytesRead bytes = new BytesRead(grabber);
            for (int frames = 0; frames < limits.maxFrames() && System.nanoTime() < deadline
                    && bytes.total() < limits.maxBytes().toBytes(); frames++) {
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
                return Result.failed(SourceFailure.Kind.NOT_A_VIDEO.because("no frame could be decoded"));
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

    /**
     * Media read since the stream was opened, where FFmpeg reads through its own input (files,
     * placeholder copies, HTTP). An RTSP demuxer owns its connection and counts nothing; there
     * the frame budget and the deadline bound the work.
     */
    private static final class BytesRead {
        private final AVIOContext input;
        private final long atStart;

        BytesRead(FFmpegFrameGrabber started) {
            AVFormatContext format = started.getFormatContext();
            this.input = format == null || format.pb() == null || format.pb().isNull() ? null : format.pb();
            this.atStart = input == null ? 0 : input.bytes_read();
        }

        long total() {
            return input == null ? 0 : input.bytes_read() - atStart;
        }
    }
}
