package io.hardhats.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Frames per second the detector sustains when many cameras call it at once (one thread per
 * camera, as in the worker), for each way of sharing the cores: {@link InferenceThreads#perCore}
 * (the worker's choice) against {@link InferenceThreads#singleFrame}; square and 16:9 inputs
 * (the latter is what a dynamic-shape model gets for a 16:9 camera). Prints JSON. Run with
 * {@code bench/inference/run.sh throughput}. Arguments: [seconds per case] [camera threads].
 */
public final class InferenceThroughputBenchmark {

    /** Whose frames these are, for the detector's turns. */
    private static final UUID ORGANIZATION = UUID.randomUUID();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int cores = Runtime.getRuntime().availableProcessors();
        Path model = SharedFiles.referenceModel();
        List<String> results = new ArrayList<>();
        try (Mat source = imread(SharedFiles.valImages(1).get(0).toString()); Mat square = new Mat();
                Mat wide = new Mat(); Size s = new Size(1080, 1080); Size hd = new Size(1920, 1080)) {
            resize(source, square, s);
            resize(source, wide, hd);
            for (InferenceThreads threads : List.of(InferenceThreads.perCore(cores), InferenceThreads.singleFrame(cores))) {
                for (Mat frame : List.of(square, wide)) {
                    results.add(measure(model, threads, frame, callers, seconds));
                }
            }
        }
        System.out.printf(Locale.ROOT, "{\"model\": \"%s\", \"cpus\": %d, \"camera_threads\": %d, \"seconds\": %d, "
                + "\"results\": [%n  %s%n]}%n", model.getFileName(), cores, callers, seconds,
                String.join(",\n  ", results));
    }

    private static String measure(Path model, InferenceThreads threads, Mat frame, int callers, int seconds)
            throws InterruptedException {
        AtomicLong frames = new AtomicLong();
        Letterbox[] input = new Letterbox[1];
        try (OnnxDetector detector = OnnxDetector.open(model, threads)) {
            input[0] = detector.run(ORGANIZATION, frame, 640, 640, 0.25).letterbox();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            long end = t0 + seconds * 1_000_000_000L;
            List<Thread> cameras = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                Thread t = new Thread(() -> {
                    try (Mat own = frame.clone()) {
                        while (System.nanoTime() < end) {
                            detector.detect(ORGANIZATION, own, 640, 640, 0.25);
                            frames.incrementAndGet();
                        }
                    }
                });
                t.start();
                cameras.add(t);
            }
            for (Thread t : cameras) {
                t.join();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            return String.format(Locale.ROOT, "{\"concurrent\": %d, \"intra_op\": %d, \"input\": \"%dx%d\", "
                    + "\"frames_per_s\": %.1f, \"cpu_cores\": %.2f, \"cpu_ms_per_frame\": %.1f}",
                    threads.concurrent(), threads.intraOp(), input[0].inputWidth(), input[0].inputHeight(),
                    frames.get() / wall, cpu / wall, cpu * 1000 / frames.get());
        }
    }

    private InferenceThroughputBenchmark() {
    }
}
