package io.hardhats.publish;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.hardhats.privacy.HeadBlur;
import io.hardhats.vision.Detection;
import io.hardhats.vision.InferenceThreads;
import io.hardhats.vision.OnnxDetector;
import io.hardhats.vision.SharedFiles;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * CPU time per analysed frame of what lazy encoding saves (drawing and JPEG-encoding the live
 * frame) and of what privacy mode adds (blurring the detected heads; pixelating the whole frame
 * without a detector), on frames of the site clip scaled to 1280x720, the size a 1080p camera's
 * frame has downstream. CPU time of this thread, median of the runs. Prints JSON.
 * Arguments (optional): frames (20), runs (5).
 */
public final class LiveFrameCostBenchmark {

    /** Whose frames these are, for the detector's turns. */
    private static final UUID ORGANIZATION = UUID.randomUUID();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Mat> frames = frames(count);
        List<List<Detection>> detections = new ArrayList<>();
        try (OnnxDetector detector = OnnxDetector.open(SharedFiles.referenceModel(), InferenceThreads.perCore(1))) {
            for (Mat frame : frames) {
                detections.add(detector.detect(ORGANIZATION, frame, 640, 640, HeadBlur.CONFIDENCE));
            }
        }
        long heads = detections.stream().flatMap(List::stream).filter(HeadBlur::isHead).count();
        FrameAnnotator annotator = new FrameAnnotator(75);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] encode = new double[runs];
        double[] blur = new double[runs];
        double[] whole = new double[runs];
        for (int run = -1; run < runs; run++) { // run -1 warms up
            long encodeNs = 0;
            long blurNs = 0;
            long wholeNs = 0;
            for (int i = 0; i < frames.size(); i++) {
                try (Mat copy = frames.get(i).clone()) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    HeadBlur.heads(copy, detections.get(i));
                    long t1 = mx.getCurrentThreadCpuTime();
                    annotator.annotate(copy, new FrameAnnotator.Drawing(detections.get(i), List.of(), null, "Gate",
                            Instant.now(), false), FrameAnnotator.MAX_WIDTH);
                    long t2 = mx.getCurrentThreadCpuTime();
                    HeadBlur.wholeFrame(copy);
                    long t3 = mx.getCurrentThreadCpuTime();
                    blurNs += t1 - t0;
                    encodeNs += t2 - t1;
                    wholeNs += t3 - t2;
                }
            }
            if (run >= 0) {
                encode[run] = encodeNs / 1e6 / frames.size();
                blur[run] = blurNs / 1e6 / frames.size();
                whole[run] = wholeNs / 1e6 / frames.size();
            }
        }
        System.out.printf(Locale.ROOT, "{\"frames\":%d,\"size\":\"1280x720\",\"runs\":%d,\"heads_per_frame\":%.1f,"
                + "\"cpu_ms_per_frame\":{\"annotate_and_encode\":%.2f,\"blur_heads\":%.3f,\"pixelate_whole_frame\":%.2f}}%n",
                frames.size(), runs, (double) heads / frames.size(), median(encode), median(blur), median(whole));
        frames.forEach(Mat::close);
    }

    private static List<Mat> frames(int count) throws Exception {
        List<Mat> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SharedFiles.siteClip("site-helmets-wide.mp4").toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame;
            for (int index = 0; frames.size() < count && (frame = grabber.grabImage()) != null; index++) {
                if (index % 30 == 0) {
                    Mat scaled = new Mat();
                    resize(converter.convert(frame), scaled, new Size(1280, 720), 0, 0, INTER_LINEAR);
                    frames.add(scaled);
                }
            }
        }
        return frames;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
