package io.hardhats.clips;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import io.hardhats.ingest.CompressedPacket;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

/** Timestamps an MP4 accepts, from what an RTSP camera with B-frames really sends. */
class ClipTimelineTest {

    private static final long UNSET = avutil.AV_NOPTS_VALUE;

    private static List<CompressedPacket> packets(long[] pts, long[] dts) {
        return LongStream.range(0, pts.length).mapToObj(i -> new CompressedPacket(pts[(int) i], dts[(int) i], 0,
                i == 0, new byte[1], Instant.EPOCH)).toList();
    }

    /** FFmpeg's RTSP demuxer on GStreamer's server with the site footage (H.264 Main, B-frames): as read. */
    @Test
    void anRtspStreamWithBFramesAndUnsetTimesGetsAValidTimeline() {
        long[] pts = {UNSET, 6005, 3003, 12012, 9009, 24023, 18018, 15014, 21021, 36036, 30030, 27027, 33032, 42041};
        long[] dts = {UNSET, UNSET, UNSET, 3003, 6005, 9009, 12012, 15014, 18018, 21021, 24023, 27027, 30030, 33032};

        ClipTimeline timeline = ClipTimeline.of(packets(pts, dts));

        assertThat(timeline.dts()[0]).isZero();
        for (int i = 0; i < pts.length; i++) {
            assertThat(timeline.pts()[i]).as("packet %d shown no earlier than decoded", i)
                    .isGreaterThanOrEqualTo(timeline.dts()[i]);
            if (i > 0) {
                assertThat(timeline.dts()[i]).as("packet %d decodes after %d", i, i - 1)
                        .isGreaterThan(timeline.dts()[i - 1]);
            }
        }
        // presentation order is kept: the keyframe first, then the pictures as the camera timed them
        long[] shown = timeline.pts().clone();
        Arrays.sort(shown);
        assertThat(shown[0]).isEqualTo(timeline.pts()[0]);
        assertThat(timeline.pts()[2] - timeline.pts()[0]).isEqualTo(3002);
        assertThat(timeline.pts()[1] - timeline.pts()[2]).isEqualTo(3002);
    }

    @Test
    void aStreamWithoutReorderingKeepsItsSpacing() {
        long[] pts = {9000, 12000, 15000, 18000};
        ClipTimeline timeline = ClipTimeline.of(packets(pts, pts.clone()));
        assertThat(timeline.pts()).containsExactly(0, 3000, 6000, 9000);
        assertThat(timeline.dts()).containsExactly(0, 3000, 6000, 9000);
    }
}
