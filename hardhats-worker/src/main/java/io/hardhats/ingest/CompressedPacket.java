package io.hardhats.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;

import java.time.Instant;

import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * One video packet as the camera sent it (never decoded), copied onto the Java heap so that
 * FFmpeg's buffer can be reused at once and no native memory outlives the read loop.
 *
 * @param pts        presentation time, in the stream's time base
 * @param dts        decoding time, in the stream's time base
 * @param receivedAt when the worker read it: the clock violations are dated by
 */
public record CompressedPacket(long pts, long dts, long duration, boolean keyFrame, byte[] data, Instant receivedAt) {

    /** The packet's bytes and timing, read now. */
    static CompressedPacket copyOf(AVPacket packet) {
        byte[] data = new byte[Math.max(0, packet.size())];
        if (data.length > 0) {
            packet.data().get(data);
        }
        return new CompressedPacket(packet.pts(), packet.dts(), packet.duration(),
                (packet.flags() & AV_PKT_FLAG_KEY) != 0, data, Instant.now());
    }
}
