package io.hardhats.ingest;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;

/**
 * What a muxer needs to know about a camera's compressed video stream, copied out of FFmpeg so
 * it outlives the connection it came from.
 *
 * @param codecId      FFmpeg's {@code AVCodecID}
 * @param extradata    the codec's parameter sets (SPS/PPS for H.264), possibly empty
 * @param timeBaseNum  the stream's time base, in which packet timestamps are counted
 */
public record StreamFormat(int codecId, int width, int height, byte[] extradata, int timeBaseNum, int timeBaseDen) {

    static StreamFormat of(AVStream stream) {
        AVCodecParameters parameters = stream.codecpar();
        byte[] extradata = new byte[Math.max(0, parameters.extradata_size())];
        if (extradata.length > 0) {
            parameters.extradata().get(extradata);
        }
        return new StreamFormat(parameters.codec_id(), parameters.width(), parameters.height(), extradata,
                stream.time_base().num(), stream.time_base().den());
    }
}
