package io.hardhats.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * CPU time per analysed frame, keyframe-only versus decode-all, on a 1920x1080 25 fps H.264 clip
 * with a 2 s GOP analysed at 0.5 fps, through the ingest's own read path: the {@link Demuxer}
 * reads every packet, each video packet is copied for the evidence-clip ring (as for a live
 * camera) and sent to the {@link VideoDecoder}, and the pictures due at the target rate are
 * converted to BGR at most {@code max width} wide (1280, what a camera's frames are decoded to
 * for the live view). Read unpaced, CPU time of this thread. Prints JSON.
 * Arguments (optional): clip seconds (20), runs per mode (3), target fps (0.5), max width (1280).
 */
public final class DecodeBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double fps = args.length > 2 ? Double.parseDouble(args[2]) : 0.5;
        int maxWidth = args.length > 3 ? Integer.parseInt(args[3]) : 1280;
        Path clip = TestClips.fullHd(seconds);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        measure(clip, true, fps, maxWidth, mx); // warm-up (loads natives)
        List<double[]> key = new ArrayList<>();
        List<double[]> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            key.add(measure(clip, true, fps, maxWidth, mx));
            all.add(measure(clip, false, fps, maxWidth, mx));
        }
        double keyMs = median(key, 0);
        double allMs = median(all, 0);
        System.out.printf(Locale.ROOT, "{\"clip\":\"1920x1080 25fps h264 gop=2s %ds\",\"target_fps\":%.2f,"
                + "\"max_width\":%d,\"runs\":%d,"
                + "\"keyframe_only\":{\"cpu_ms_per_analysed_frame\":%.1f,\"decoded\":%d,\"analysed\":%d},"
                + "\"decode_all\":{\"cpu_ms_per_analysed_frame\":%.1f,\"decoded\":%d,\"analysed\":%d},"
                + "\"ratio_decode_all_over_keyframe_only\":%.1f,\"cores\":%d}%n",
                seconds, fps, maxWidth, runs, keyMs, (long) key.get(0)[1], (long) key.get(0)[2],
                allMs, (long) all.get(0)[1], (long) all.get(0)[2], allMs / keyMs,
                Runtime.getRuntime().availableProcessors());
    }

    /** {cpu ms per analysed frame, decoded, analysed}. */
    static double[] measure(Path clip, boolean keyframesOnly, double fps, int maxWidth, ThreadMXBean mx)
            throws Exception {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long decoded = 0;
        long analysed = 0;
        long copiedBytes = 0;
        FramePacer pacer = new FramePacer(fps);
        try (Demuxer demuxer = Demuxer.open(clip.toString(), Duration.ofSeconds(10));
                VideoDecoder decoder = new VideoDecoder(demuxer, maxWidth, keyframesOnly);
                Mat owned = new Mat()) {
            AVPacket packet;
            while ((packet = demuxer.read()) != null) {
                try {
                    if (!decoder.isVideo(packet)) {
                        continue;
                    }
                    copiedBytes += CompressedPacket.copyOf(packet).data().length;
                    decoder.send(packet);
                } finally {
                    av_packet_unref(packet);
                }
                while (decoder.receive()) {
                    decoded++;
                    if (pacer.due(pacer.continuous(decoder.timestampMicros()))) {
                        decoder.convertTo(owned);
                        analysed++;
                    }
                }
            }
        }
        double cpuMs = (mx.getCurrentThreadCpuTime() - cpu0) / 1e6;
        if (copiedBytes == 0) {
            throw new IllegalStateException("no video packets read from " + clip);
        }
        return new double[] {cpuMs / Math.max(1, analysed), decoded, analysed};
    }

    private static double median(List<double[]> runs, int index) {
        List<Double> v = new ArrayList<>();
        runs.forEach(r -> v.add(r[index]));
        Collections.sort(v);
        return v.get(v.size() / 2);
    }
}
