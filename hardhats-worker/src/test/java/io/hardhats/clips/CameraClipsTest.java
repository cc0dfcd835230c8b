package io.hardhats.clips;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.hardhats.events.ClipKind;
import io.hardhats.ingest.CompressedPacket;
import io.hardhats.ingest.StreamFormat;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.Test;

/**
 * What a camera keeps for its clips as it moves between its live source and its placeholder: the
 * live packets go when the placeholder's first frame comes, also those of a live retry that
 * failed while the placeholder played.
 */
class CameraClipsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final StreamFormat H264 = new StreamFormat(avcodec.AV_CODEC_ID_H264, 1920, 1080, new byte[0], 1,
            90_000);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

    private final CameraClips clips = new CameraClips(new ClipSettings(Duration.ofSeconds(8), Duration.ofSeconds(4),
            null, null, null, null), 0.5);

    private void livePackets(long fromMillis, int seconds) {
        for (long ms = fromMillis; ms < fromMillis + seconds * 1000L; ms += 40) {
            clips.packet(new CompressedPacket(ms * 90, ms * 90, 3600, ms % 2000 == 0, new byte[100], T0.plusMillis(ms)));
        }
    }

    /** Analysed frames every 2 s (0.5 fps) from {@code fromMillis} for {@code seconds}. */
    private void analysed(long fromMillis, int seconds, boolean placeholder) {
        for (long ms = fromMillis; ms < fromMillis + seconds * 1000L; ms += 2000) {
            clips.analysed(JPEG, T0.plusMillis(ms), placeholder);
        }
    }

    @Test
    void thePlaceholderLetsGoOfTheLivePacketsSoItsClipsAreMadeFromTheAnalysedFrames() {
        clips.streamOpened(H264);
        livePackets(0, 10);
        analysed(0, 10, false);
        assertThat(clips.kind()).isEqualTo(ClipKind.STREAM_COPY);

        analysed(10_000, 20, true); // the live source failed: the placeholder plays
        assertThat(clips.kind()).isEqualTo(ClipKind.ANALYSED_FRAMES);
        assertThat(clips.packetBytes()).isZero();
    }

    @Test
    void aLiveRetryThatOpenedButFailedLeavesNothingStaleBehindThePlaceholder() {
        analysed(0, 10, true);
        clips.streamOpened(H264); // the live source answered, sent a little, then failed again
        livePackets(10_000, 1);
        assertThat(clips.kind()).isEqualTo(ClipKind.STREAM_COPY);

        analysed(12_000, 4, true);
        assertThat(clips.kind()).isEqualTo(ClipKind.ANALYSED_FRAMES);
        assertThat(clips.packetBytes()).isZero();
    }

    @Test
    void packetsAreWantedOnlyWhileAClipMayCopyThem() {
        assertThat(clips.keepsPackets()).as("no live connection").isFalse();
        clips.streamOpened(new StreamFormat(avcodec.AV_CODEC_ID_MJPEG, 1920, 1080, new byte[0], 1, 90_000));
        assertThat(clips.keepsPackets()).as("a codec an MP4 does not carry").isFalse();
        clips.streamOpened(H264);
        assertThat(clips.keepsPackets()).isTrue();
        clips.allowCompressedCopy(false);
        assertThat(clips.keepsPackets()).as("privacy mode").isFalse();
    }
}
