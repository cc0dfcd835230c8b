package io.hardhats.clips;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.hardhats.ingest.CompressedPacket;
import io.hardhats.ingest.StreamFormat;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * Puts a camera's compressed packets into an MP4 as they are (stream copy: nothing is decoded or
 * encoded), with the index at the front ({@code +faststart}) so a browser can play it before it
 * has the whole file.
 */
final class Mp4Remux {

    /** The camera codecs an MP4 carries and browsers play. */
    private static final Set<Integer> COPYABLE = Set.of(AV_CODEC_ID_H264, AV_CODEC_ID_HEVC);

    static final String CONTENT_TYPE = "video/mp4";

    private Mp4Remux() {
    }

    static boolean accepts(StreamFormat format) {
        return COPYABLE.contains(format.codecId());
    }

    /** Writes the packets (the first a keyframe) into {@code file}. */
    static void write(StreamFormat format, List<CompressedPacket> packets, Path file) throws IOException {
        AVFormatContext out = new AVFormatContext(null);
        check(avformat_alloc_output_context2(out, null, "mp4", file.toString()), "no MP4 muxer");
        AVPacket packet = av_packet_alloc();
        try {
            AVStream stream = avformat_new_stream(out, (AVCodec) null);
            describe(stream, format);
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, file.toString(), AVIO_FLAG_WRITE), "cannot open the clip file");
            out.pb(io);
            AVDictionary options = new AVDictionary(null);
            av_dict_set(options, "movflags", "+faststart", 0);
            try {
                check(avformat_write_header(out, options), "the camera's stream parameters do not fit an MP4");
            } finally {
                av_dict_free(options);
            }
            writePackets(out, stream, format, packets, packet);
            check(av_write_trailer(out), "the clip could not be finished");
        } finally {
            av_packet_free(packet);
            if (!out.isNull()) {
                if (out.pb() != null && !out.pb().isNull()) {
                    avio_closep(out.pb());
                }
                avformat_free_context(out);
            }
        }
    }

    private static void describe(AVStream stream, StreamFormat format) {
        AVCodecParameters parameters = stream.codecpar();
        parameters.codec_type(AVMEDIA_TYPE_VIDEO);
        parameters.codec_id(format.codecId());
        parameters.width(format.width());
        parameters.height(format.height());
        if (format.extradata().length > 0) {
            // FFmpeg frees it with the context: it must come from FFmpeg's allocator, padded.
            BytePointer extradata = new BytePointer(av_malloc(format.extradata().length + AV_INPUT_BUFFER_PADDING_SIZE));
            extradata.capacity(format.extradata().length + AV_INPUT_BUFFER_PADDING_SIZE);
            extradata.put(format.extradata()).position(format.extradata().length)
                    .put(new byte[AV_INPUT_BUFFER_PADDING_SIZE]).position(0);
            parameters.extradata(extradata);
            parameters.extradata_size(format.extradata().length);
        }
        stream.time_base(timeBase(format));
    }

    private static AVRational timeBase(StreamFormat format) {
        return new AVRational().num(format.timeBaseNum()).den(format.timeBaseDen());
    }

    private static void writePackets(AVFormatContext out, AVStream stream, StreamFormat format,
            List<CompressedPacket> packets, AVPacket packet) throws IOException {
        AVRational source = timeBase(format);
        ClipTimeline timeline = ClipTimeline.of(packets);
        for (int i = 0; i < packets.size(); i++) {
            CompressedPacket p = packets.get(i);
            check(av_new_packet(packet, p.data().length), "out of memory for a packet");
            packet.data().capacity(p.data().length).put(p.data());
            packet.pts(av_rescale_q(timeline.pts()[i], source, stream.time_base()));
            packet.dts(av_rescale_q(timeline.dts()[i], source, stream.time_base()));
            packet.duration(av_rescale_q(Math.max(0, p.duration()), source, stream.time_base()));
            packet.flags(p.keyFrame() ? AV_PKT_FLAG_KEY : 0);
            packet.stream_index(stream.index());
            check(av_interleaved_write_frame(out, packet), "a packet could not be written");
        }
    }

    private static void check(int result, String what) throws IOException {
        if (result < 0) {
            throw new IOException(what + " (FFmpeg error " + result + ")");
        }
    }
}
