package io.hardhats.clips;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.hardhats.ingest.CompressedPacket;
import io.hardhats.ingest.StreamFormat;
import org.junit.jupiter.api.Test;

/** A camera's ring of compressed packets: keyframe-aligned, time- and byte-bounded, cut for clips. */
class PacketRingTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final StreamFormat H264 = new StreamFormat(27, 1920, 1080, new byte[] {1, 2, 3}, 1, 90_000);

    /** 10 packets a second of 1 kB, a keyframe every 2 s, from {@code fromMillis} for {@code seconds}. */
    private static void feed(PacketRing ring, long fromMillis, int seconds) {
        for (long ms = fromMillis; ms < fromMillis + seconds * 1000L; ms += 100) {
            ring.add(new CompressedPacket(ms * 90, ms * 90, 9000, ms % 2000 == 0, new byte[1000], T0.plusMillis(ms)));
        }
    }

    /** A ring keeping 8 s, on an H.264 connection that just opened. */
    private static PacketRing opened(long maxBytes) {
        PacketRing ring = new PacketRing(Duration.ofSeconds(8), maxBytes);
        ring.open(H264);
        return ring;
    }

    private static Instant first(List<CompressedPacket> packets) {
        return packets.get(0).receivedAt();
    }

    @Test
    void startsAtAKeyframeAndKeepsWholeGroupsCoveringTheSpan() {
        PacketRing ring = opened(10_000_000);
        feed(ring, 1000, 1); // no keyframe in 1.0–1.9 s: nothing a clip could start from
        assertThat(ring.holdsVideo()).isFalse();

        feed(ring, 2000, 18); // up to 19.9 s
        PacketRing.Cut all = ring.from(T0).orElseThrow();
        assertThat(all.packets().get(0).keyFrame()).isTrue();
        // 8 s back from 19.9 s is 11.9 s: the group from 10 s is the latest that still covers it
        assertThat(first(all.packets())).isEqualTo(T0.plusSeconds(10));
        assertThat(ring.bytes()).isEqualTo(100 * 1000);
    }

    @Test
    void theByteCeilingDropsWholeGroupsFromTheFront() {
        PacketRing ring = opened(45_000);
        feed(ring, 0, 20);
        PacketRing.Cut all = ring.from(T0).orElseThrow();
        assertThat(ring.bytes()).isLessThanOrEqualTo(45_000);
        assertThat(all.packets().get(0).keyFrame()).isTrue();
        assertThat(first(all.packets())).isEqualTo(T0.plusSeconds(16));
    }

    @Test
    void aGroupLargerThanTheWholeCeilingLeavesTheRingEmptyInsteadOfFailing() {
        PacketRing ring = opened(5_000); // one 2 s group is 20 kB
        feed(ring, 0, 4);
        assertThat(ring.bytes()).isLessThanOrEqualTo(5_000);
        assertThat(ring.holdsVideo()).isFalse();
    }

    @Test
    void emptyingKeepsTheFormatSoLaterPacketsAreKeptAgain() {
        PacketRing ring = opened(1_000_000);
        feed(ring, 0, 4);
        ring.empty();
        assertThat(ring.bytes()).isZero();
        assertThat(ring.holdsVideo()).isFalse();
        feed(ring, 4000, 2);
        assertThat(ring.holdsVideo()).isTrue();
    }

    @Test
    void aCutStartsAtTheKeyframeNearestItsStartAndContinuesWithWhatCameLater() {
        PacketRing ring = opened(10_000_000);
        feed(ring, 0, 10);
        PacketRing.Cut cut = ring.from(T0.plusMillis(5300)).orElseThrow();
        assertThat(first(cut.packets())).isEqualTo(T0.plusSeconds(6));
        assertThat(ring.from(T0.plusMillis(4900)).orElseThrow().packets().get(0).receivedAt())
                .isEqualTo(T0.plusSeconds(4));

        feed(ring, 10_000, 4);
        List<CompressedPacket> after = ring.after(cut, T0.plusSeconds(12));
        assertThat(first(after)).isEqualTo(T0.plusSeconds(10));
        assertThat(after.get(after.size() - 1).receivedAt()).isEqualTo(T0.plusSeconds(12));
    }

    @Test
    void aReconnectEndsTheClipWhereItsCutEnded() {
        PacketRing ring = opened(10_000_000);
        feed(ring, 0, 6);
        PacketRing.Cut cut = ring.from(T0.plusSeconds(2)).orElseThrow();
        ring.open(H264);
        feed(ring, 6000, 4);
        assertThat(ring.after(cut, T0.plusSeconds(10))).isEmpty();
    }

    @Test
    void aPlaceholderOrACodecAnMp4CannotCarryHoldsNothing() {
        PacketRing ring = opened(10_000_000);
        feed(ring, 0, 4);
        ring.clear();
        feed(ring, 4000, 4);
        assertThat(ring.holdsVideo()).isFalse();
        assertThat(ring.from(T0)).isEmpty();
    }
}
