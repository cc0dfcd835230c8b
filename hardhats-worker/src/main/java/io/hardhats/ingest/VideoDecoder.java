package io.hardhats.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONKEY;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes the video packets of an opened source with FFmpeg ({@link GrabberOptions#DECODER_THREADS};
 * keyframes only when chosen) and converts a picture to BGR only when it is wanted, scaled down
 * to the widest the camera needs in the same pass. The {@link Demuxer} reads and this decodes, so
 * every packet passes through the ingest's hands once, on its way to the decoder: what an
 * evidence clip copies costs no second read.
 */
final class VideoDecoder implements AutoCloseable {

    private final int streamIndex;
    private final AVStream stream;
    private final long startMicros;
    private final int width;
    private final int height;
    private final AVCodecContext codec;
    private final AVFrame picture = av_frame_alloc();
    private SwsContext scaler;

    /**
     * @param maxWidth wider pictures are scaled down to this width when converted (aspect kept,
     *                 even height); 0 keeps the source's size
     */
    VideoDecoder(Demuxer source, int maxWidth, boolean keyframesOnly) {
        this.stream = source.video();
        if (stream == null) {
            av_frame_free(picture);
            throw new IllegalStateException("no video stream");
        }
        this.streamIndex = stream.index();
        this.startMicros = source.startMicros();
        int sourceWidth = stream.codecpar().width();
        int sourceHeight = stream.codecpar().height();
        boolean scaled = maxWidth > 0 && sourceWidth > maxWidth && sourceHeight > 0;
        this.width = scaled ? maxWidth : sourceWidth;
        this.height = scaled ? Math.max(2, (int) Math.round((double) sourceHeight * maxWidth / sourceWidth / 2) * 2)
                : sourceHeight;
        AVCodec decoder = avcodec_find_decoder(stream.codecpar().codec_id());
        this.codec = decoder == null ? null : avcodec_alloc_context3(decoder);
        if (codec == null || avcodec_parameters_to_context(codec, stream.codecpar()) < 0) {
            close();
            throw new IllegalStateException("no decoder for the video codec");
        }
        codec.thread_count(GrabberOptions.DECODER_THREADS);
        codec.pkt_timebase(stream.time_base());
        if (keyframesOnly) {
            codec.skip_frame(AVDISCARD_NONKEY);
        }
        if (avcodec_open2(codec, decoder, (PointerPointer<?>) null) < 0) {
            close();
            throw new IllegalStateException("the video decoder could not be opened");
        }
    }

    /** Whether the packet belongs to the decoded video stream. */
    boolean isVideo(AVPacket packet) {
        return packet.stream_index() == streamIndex;
    }

    StreamFormat format() {
        return StreamFormat.of(stream);
    }

    /** Hands a packet to the decoder; a damaged one is skipped, as players do. */
    void send(AVPacket packet) {
        avcodec_send_packet(codec, packet);
    }

    /** Takes the next decoded picture, if the decoder has one; it stays current until the next call. */
    boolean receive() {
        return avcodec_receive_frame(codec, picture) >= 0;
    }

    /** The current picture's presentation time in µs from the start of the source. */
    long timestampMicros() {
        long pts = picture.best_effort_timestamp();
        if (pts == AV_NOPTS_VALUE) {
            return 0;
        }
        return Math.round(pts * 1e6 * stream.time_base().num() / stream.time_base().den()) - startMicros;
    }

    boolean keyFrame() {
        return picture.key_frame() != 0;
    }

    /** Converts the current picture into {@code bgr} (allocated or reused at the output size). */
    void convertTo(Mat bgr) {
        bgr.create(height, width, CV_8UC3);
        scaler = sws_getCachedContext(scaler, picture.width(), picture.height(), picture.format(), width, height,
                AV_PIX_FMT_BGR24, SWS_BILINEAR, null, null, (DoublePointer) null);
        if (scaler == null) {
            throw new IllegalStateException("the picture cannot be converted");
        }
        try (PointerPointer<?> target = new PointerPointer<>(1).put(bgr.data());
                IntPointer stride = new IntPointer(1).put((int) bgr.step())) {
            sws_scale(scaler, picture.data(), picture.linesize(), 0, picture.height(), target, stride);
        }
    }

    @Override
    public void close() {
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
        }
        av_frame_free(picture);
    }
}
