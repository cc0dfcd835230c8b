package io.hardhats.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * CPU time per analysed frame, keyframe-only versus decode-all, on a 1920x1080 25 fps H.264 clip
 * with a 2 s GOP analysed at 0.5 fps: the ingest's decode path (grabber options, analysis
 * schedule, BGR copy of analysed frames), read unpaced, CPU time of this thread. Prints JSON.
 * Arguments (optional): clip seconds (20), runs per mode (3), target fps (0.5).
 */
public final class DecodeBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double fps = args.length > 2 ? Double.parseDouble(args[2]) : 0.5;
        Path clip = TestClips.fullHd(seconds);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        measure(clip, true, fps, mx); // warm-up (loads natives)
        List<double[]> key = new ArrayList<>();
        List<double[]> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            key.add(measure(clip, true, fps, mx));
            all.add(measure(clip, false, fps, mx));
        }
        double keyMs = median(key, 0);
        double allMs = median(all, 0);
        System.out.printf(Locale.ROOT, "{\"clip\":\"1920x1080 25fps h264 gop=2s %ds\",\"target_fps\":%.2f,"
                + "\"runs\":%d,\"keyframe_only\":{\"cpu_ms_per_analysed_frame\":%.1f,\"decoded\":%d,\"analysed\":%d},"
                + "\"decode_all\":{\"cpu_ms_per_analysed_frame\":%.1f,\"decoded\":%d,\"analysed\":%d},"
                + "\"ratio_decode_all_over_keyframe_only\":%.1f,\"cores\":%d}%n",
                seconds, fps, runs, keyMs, (long) key.get(0)[1], (long) key.get(0)[2],
                allMs, (long) all.get(0)[1], (long) all.get(0)[2], allMs / keyMs,
                Runtime.getRuntime().availableProcessors());
    }

    /** {cpu ms per analysed frame, decoded, analysed}. */
    static double[] measure(Path clip, boolean keyframesOnly, double fps, ThreadMXBean mx) throws Exception {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long decoded = 0;
        long analysed = 0;
        FramePacer pacer = new FramePacer(fps);
        try (FFmpegFrameGrabber g = GrabberOptions.create(clip.toString(), Duration.ofSeconds(10), keyframesOnly);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             Mat owned = new Mat()) {
            g.start();
            Frame f;
            while ((f = g.grabImage()) != null) {
                if (f.image == null) {
                    continue;
                }
                decoded++;
                if (pacer.due(pacer.continuous(f.timestamp))) {
                    converter.convert(f).copyTo(owned);
                    analysed++;
                }
            }
        }
        double cpuMs = (mx.getCurrentThreadCpuTime() - cpu0) / 1e6;
        return new double[] {cpuMs / Math.max(1, analysed), decoded, analysed};
    }

    private static double median(List<double[]> runs, int index) {
        List<Double> v = new ArrayList<>();
        runs.forEach(r -> v.add(r[index]));
        Collections.sort(v);
        return v.get(v.size() / 2);
    }
}
