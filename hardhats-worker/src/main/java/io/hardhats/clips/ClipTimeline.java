package io.hardhats.clips;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.util.Arrays;
import java.util.List;

import io.hardhats.ingest.CompressedPacket;

/**
 * Timestamps for a clip's packets that an MP4 accepts: decoding times strictly increasing and
 * never after presentation times, the first at zero. Cameras' RTSP streams with B-frames leave
 * decoding times unset (and the very first presentation time too), so they are derived from the
 * presentation times, which every decoder needs anyway: the i-th packet decodes at the i-th
 * smallest presentation time, less the stream's reordering delay.
 *
 * @param pts presentation times, in the stream's time base
 * @param dts decoding times, in the stream's time base
 */
record ClipTimeline(long[] pts, long[] dts) {

    static ClipTimeline of(List<CompressedPacket> packets) {
        int n = packets.size();
        long[] pts = new long[n];
        long frame = frameDuration(packets);
        long firstKnown = packets.stream().mapToLong(CompressedPacket::pts).filter(p -> p != AV_NOPTS_VALUE)
                .min().orElse(0);
        for (int i = 0; i < n; i++) {
            long p = packets.get(i).pts();
            // An unset time: the first picture is shown first, a later one follows its predecessor.
            pts[i] = p != AV_NOPTS_VALUE ? p : i == 0 ? firstKnown - frame : pts[i - 1] + frame;
        }
        long[] sorted = pts.clone();
        Arrays.sort(sorted);
        long delay = 0;
        for (int i = 0; i < n; i++) {
            delay = Math.max(delay, sorted[i] - pts[i]);
        }
        long[] dts = new long[n];
        for (int i = 0; i < n; i++) {
            dts[i] = sorted[i] - delay;
            if (i > 0 && dts[i] <= dts[i - 1]) {
                dts[i] = dts[i - 1] + 1;
            }
            pts[i] = Math.max(pts[i], dts[i]);
        }
        long origin = n == 0 ? 0 : dts[0];
        for (int i = 0; i < n; i++) {
            pts[i] -= origin;
            dts[i] -= origin;
        }
        return new ClipTimeline(pts, dts);
    }

    /** The smallest step between presentation times, or the packets' own duration. */
    private static long frameDuration(List<CompressedPacket> packets) {
        long[] known = packets.stream().mapToLong(CompressedPacket::pts).filter(p -> p != AV_NOPTS_VALUE)
                .sorted().toArray();
        long step = Long.MAX_VALUE;
        for (int i = 1; i < known.length; i++) {
            if (known[i] > known[i - 1]) {
                step = Math.min(step, known[i] - known[i - 1]);
            }
        }
        if (step != Long.MAX_VALUE) {
            return step;
        }
        return packets.isEmpty() ? 1 : Math.max(1, packets.get(0).duration());
    }
}
