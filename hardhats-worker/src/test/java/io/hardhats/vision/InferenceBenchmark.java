package io.hardhats.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.ToLongFunction;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Per-frame latency of the detector on a 1920×1080 frame, split into preprocess / inference /
 * postprocess, at several inference sizes; prints JSON. Run with {@code bench/inference/run.sh}.
 * Arguments: [model path] [intra-op threads] [runs] [warm-up runs].
 */
public final class InferenceBenchmark {

    /** Whose frames these are, for the detector's turns. */
    private static final UUID ORGANIZATION = UUID.randomUUID();

    private static final int[] SIZES = {640, 736, 1088, 1280};

    public static void main(String[] args) throws Exception {
        Path model = args.length > 0 ? Path.of(args[0]) : SharedFiles.referenceModel();
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        List<String> results = new ArrayList<>();
        try (OnnxDetector detector = OnnxDetector.open(model, InferenceThreads.singleFrame(threads));
                Mat source = imread(SharedFiles.valImages(1).get(0).toString());
                Mat frame = new Mat();
                Size hd = new Size(1920, 1080)) {
            resize(source, frame, hd);
            for (int size : SIZES) {
                // Square input (Ultralytics' default imgsz), then the 16:9 input a camera would use.
                for (int height : new int[] {size, size * 9 / 16}) {
                    for (int i = 0; i < warmUp; i++) {
                        detector.run(ORGANIZATION, frame, size, height, 0.25);
                    }
                    List<OnnxDetector.Run> timed = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        timed.add(detector.run(ORGANIZATION, frame, size, height, 0.25));
                    }
                    Letterbox lb = timed.get(0).letterbox();
                    results.add(String.format(Locale.ROOT,
                            "{\"size\": %d, \"input\": \"%dx%d\", \"detections\": %d, \"preprocess_ms\": %s, "
                                    + "\"inference_ms\": %s, \"postprocess_ms\": %s, \"total_ms\": %s}",
                            size, lb.inputWidth(), lb.inputHeight(), timed.get(0).detections().size(),
                            stats(timed, t -> t.timings().preprocessNanos()),
                            stats(timed, t -> t.timings().inferenceNanos()),
                            stats(timed, t -> t.timings().postprocessNanos()),
                            stats(timed, t -> t.timings().preprocessNanos() + t.timings().inferenceNanos()
                                    + t.timings().postprocessNanos())));
                }
            }
        }
        System.out.printf(Locale.ROOT, "{\"model\": \"%s\", \"frame\": \"1920x1080\", \"intra_op_threads\": %d, "
                + "\"runs\": %d, \"warm_up\": %d, \"cpus\": %d, \"results\": [%n  %s%n]}%n", model.getFileName(),
                threads, runs, warmUp, Runtime.getRuntime().availableProcessors(), String.join(",\n  ", results));
    }

    private static String stats(List<OnnxDetector.Run> runs, ToLongFunction<OnnxDetector.Run> nanos) {
        double[] ms = runs.stream().mapToDouble(r -> nanos.applyAsLong(r) / 1e6).sorted().toArray();
        double median = ms.length % 2 == 1 ? ms[ms.length / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
        double p95 = ms[Math.min(ms.length - 1, (int) Math.ceil(0.95 * ms.length) - 1)];
        return String.format(Locale.ROOT, "{\"median\": %.1f, \"p95\": %.1f}", median, p95);
    }

    private InferenceBenchmark() {
    }

}
