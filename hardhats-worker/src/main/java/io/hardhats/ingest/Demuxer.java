package io.hardhats.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.io.IOException;
import java.time.Duration;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.PointerPointer;

/**
 * One open source (an RTSP session or a file), read packet by packet and never decoded here:
 * {@link VideoDecoder} decodes the video packets the ingest wants. A grabber would also open a
 * decoder of its own for the video (and audio) and allocate a picture-sized BGR buffer when it
 * starts, for nothing, since the ingest reads packets. Opened with {@link GrabberOptions}' options.
 */
final class Demuxer implements AutoCloseable {

    private final String url;
    private final Duration ioTimeout;
    private final AVPacket packet = av_packet_alloc();
    private AVFormatContext format;

    private Demuxer(String url, Duration ioTimeout) {
        this.url = url;
        this.ioTimeout = ioTimeout;
    }

    /**
     * Opens {@code url} and reads its streams' parameters.
     *
     * @throws IOException carrying FFmpeg's error code, as {@link SourceFailure#classify} reads it
     */
    static Demuxer open(String url, Duration ioTimeout) throws IOException {
        Demuxer demuxer = new Demuxer(url, ioTimeout);
        try {
            demuxer.format = formatOf(url, ioTimeout);
            return demuxer;
        } catch (IOException e) {
            demuxer.close();
            throw e;
        }
    }

    /** Opens the source afresh from its start (a file played again), the same as a new one. */
    void reopen() throws IOException {
        avformat_close_input(format);
        format = null;
        format = formatOf(url, ioTimeout);
    }

    private static AVFormatContext formatOf(String url, Duration ioTimeout) throws IOException {
        AVDictionary options = new AVDictionary(null);
        GrabberOptions.formatOptions(url, ioTimeout).forEach((key, value) -> av_dict_set(options, key, value, 0));
        AVFormatContext format = new AVFormatContext(null);
        int opened = avformat_open_input(format, GrabberOptions.target(url), (AVInputFormat) null, options);
        av_dict_free(options);
        if (opened < 0) {
            throw new IOException("avformat_open_input() error " + opened + ": the source could not be opened");
        }
        int found = avformat_find_stream_info(format, (PointerPointer<?>) null);
        if (found < 0) {
            avformat_close_input(format);
            throw new IOException("avformat_find_stream_info() error " + found + ": the source's streams are unknown");
        }
        return format;
    }

    /** The video stream FFmpeg deems best, or null when the source has none. */
    AVStream video() {
        int index = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        return index < 0 ? null : format.streams(index);
    }

    /** When the source starts, in µs (its streams' timestamps count from there). */
    long startMicros() {
        return format.start_time() == AV_NOPTS_VALUE ? 0 : format.start_time();
    }

    /**
     * The next packet of any stream, FFmpeg's until the caller unreferences it; null at the end of
     * the source or when reading fails (a dropped connection, a timeout).
     */
    AVPacket read() {
        return av_read_frame(format, packet) < 0 ? null : packet;
    }

    @Override
    public void close() {
        av_packet_free(packet);
        if (format != null) {
            avformat_close_input(format);
        }
    }
}
