package io.hardhats.clips;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Encodes analysed frames (JPEGs) into a video Chromium plays, once per clip: H.264 in MP4 with
 * the bundled OpenH264 encoder, or VP8 in WebM where FFmpeg was built without it. One picture per
 * analysed frame at the camera's analysis rate, at most {@link CameraClips#FRAME_WIDTH} wide (the
 * frames nobody watched were kept at that width), so a clip is a few dozen kilobytes a second.
 */
final class FramesEncoder {

    /** A container, the encoder that fills it, and what the browser is told it is. */
    record Output(String format, String encoder, String contentType) {
    }

    static final Output OUTPUT = avcodec_find_encoder_by_name("libopenh264") != null
            ? new Output("mp4", "libopenh264", "video/mp4")
            : new Output("webm", "libvpx", "video/webm");

    /** Bits per encoded picture the rate control aims at: about 30 kB, a 640 px JPEG's size. */
    private static final int BITS_PER_PICTURE = 240_000;

    private FramesEncoder() {
    }

    /** Writes the frames, oldest first, into {@code file}; false when none could be decoded. */
    static boolean write(List<FrameRing.Shot> shots, double fps, Path file) throws IOException {
        try (OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            FFmpegFrameRecorder recorder = null;
            try {
                for (FrameRing.Shot shot : shots) {
                    try (Mat encoded = new Mat(shot.jpeg()); Mat bgr = imdecode(encoded, IMREAD_COLOR);
                            Mat picture = new Mat()) {
                        if (bgr.empty()) {
                            continue;
                        }
                        if (recorder == null) {
                            int width = Math.min(bgr.cols(), CameraClips.FRAME_WIDTH);
                            recorder = start(file, width, (int) Math.round((double) bgr.rows() * width / bgr.cols()), fps);
                        }
                        // Frames a viewer watched were kept at the live width; the clip has one size.
                        resize(bgr, picture, new Size(recorder.getImageWidth(), recorder.getImageHeight()), 0, 0, INTER_AREA);
                        Frame frame = converter.convert(picture);
                        recorder.record(frame, AV_PIX_FMT_BGR24);
                    }
                }
                return recorder != null;
            } finally {
                if (recorder != null) {
                    recorder.close();
                }
            }
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("the analysed frames could not be encoded: " + e.getMessage(), e);
        }
    }

    private static FFmpegFrameRecorder start(Path file, int width, int height, double fps)
            throws FFmpegFrameRecorder.Exception {
        // Encoders want even sizes; the live frames already are, a crop of one pixel would do otherwise.
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width & ~1, height & ~1, 0);
        recorder.setFormat(OUTPUT.format());
        recorder.setVideoCodecName(OUTPUT.encoder());
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setGopSize(1);
        recorder.setVideoBitrate((int) Math.max(100_000, Math.round(fps * BITS_PER_PICTURE)));
        recorder.setOption("movflags", "+faststart");
        recorder.start();
        return recorder;
    }
}
