package io.hardhats.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The detector end to end on the shared reference model and labelled validation images. */
class ReferenceModelTest {

    /** Whose frames these are, for the detector's turns. */
    private static final UUID ORGANIZATION = UUID.randomUUID();

    private static final int SAMPLE = 30;
    private static OnnxDetector detector;

    @BeforeAll
    static void load() {
        detector = OnnxDetector.open(SharedFiles.referenceModel(), InferenceThreads.perCore(2));
    }

    @AfterAll
    static void close() {
        if (detector != null) {
            detector.close();
        }
    }

    @Test
    void readsClassNamesFromTheModelMetadata() {
        assertThat(detector.classMap().names().names()).containsExactly("helmet", "no_helmet", "no_vest", "vest");
        assertThat(detector.classMap().productClass(2)).isEqualTo(ProductClass.NO_VEST);
    }

    @Test
    void preprocessingLetterboxesIntoRgbPlanes() {
        // A BGR (10, 20, 30) frame: R plane must hold 30/255 inside the image, 114/255 in the border.
        try (Mat frame = new Mat(100, 200, CV_8UC3, new Scalar(10, 20, 30, 0));
                InputWorkspace ws = new InputWorkspace(64, 64)) {
            Letterbox lb = Letterbox.fit(200, 100, 64, 64);
            OnnxDetector.preprocess(frame, lb, ws);
            int plane = 64 * 64;
            int inside = 32 * 64 + 10; // row 32 lies inside the 64×32 image (rows 16..47)
            assertThat(ws.input.get(inside)).isCloseTo(30 / 255f, within(1e-6f));
            assertThat(ws.input.get(plane + inside)).isCloseTo(20 / 255f, within(1e-6f));
            assertThat(ws.input.get(2 * plane + inside)).isCloseTo(10 / 255f, within(1e-6f));
            assertThat(ws.input.get(5 * 64 + 10)).isCloseTo(114 / 255f, within(1e-6f));
            assertThat(ws.input.get(2 * plane + 63 * 64 + 63)).isCloseTo(114 / 255f, within(1e-6f));
        }
    }

    /**
     * Detections against the labels of the first 30 validation images at 640, conf 0.25, IoU 0.5.
     * Measured here: overall precision 0.66, recall 0.83 (137 detections, 109 labels; helmet 0.84/0.95,
     * no_helmet 0.42/1.00 on only 5 labels, vest 0.46/0.50, no_vest 0.53/0.73), consistent with the
     * model card (helmet 0.84/0.82, rare classes lower). The floor of 0.5 for both sits far enough
     * below that that an unlucky sample cannot fail it, yet a broken letterbox, channel order or box
     * mapping (which collapse both numbers towards 0) always does.
     */
    @Test
    void detectionsMatchTheLabels() throws Exception {
        Map<ProductClass, int[]> counts = new EnumMap<>(ProductClass.class); // tp, fp, fn
        for (Path image : SharedFiles.valImages(SAMPLE)) {
            try (Mat frame = imread(image.toString())) {
                assertThat(frame.empty()).as("decoded %s", image).isFalse();
                List<Detection> found = detector.detect(ORGANIZATION, frame, 640, 640, 0.25);
                match(found, labels(image, frame.cols(), frame.rows()), counts);
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        StringBuilder report = new StringBuilder("Reference model on " + SAMPLE + " val images at 640, conf 0.25:\n");
        for (Map.Entry<ProductClass, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            report.append(String.format("  %-10s P %.2f R %.2f (tp %d fp %d fn %d)%n", e.getKey().label(),
                    ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]), c[0], c[1], c[2]));
        }
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        report.append(String.format("  all        P %.2f R %.2f (tp %d fp %d fn %d)", precision, recall, tp, fp, fn));
        System.out.println(report);
        assertThat(tp + fn).as("labelled objects in the sample").isGreaterThan(50);
        assertThat(precision).as(report.toString()).isGreaterThanOrEqualTo(0.5);
        assertThat(recall).as(report.toString()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void concurrentCallersGetTheSameDetectionsAsSequential() throws Exception {
        List<Path> images = SharedFiles.valImages(8);
        List<Mat> frames = images.stream().map(p -> imread(p.toString())).toList();
        // Two input sizes, so callers also share the workspace pool across sizes.
        int[][] sizes = {{640, 640}, {736, 416}};
        try {
            List<List<Detection>> sequential = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int[] s = sizes[i % 2];
                sequential.add(detector.detect(ORGANIZATION, frames.get(i % frames.size()), s[0], s[1], 0.25));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Detection>>> futures = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    int index = i;
                    futures.add(pool.submit(() -> {
                        int[] s = sizes[index % 2];
                        return detector.detect(ORGANIZATION, frames.get(index % frames.size()), s[0], s[1], 0.25);
                    }));
                }
                for (int i = 0; i < 16; i++) {
                    List<Detection> concurrent = futures.get(i).get();
                    List<Detection> expected = sequential.get(i);
                    assertThat(concurrent).as("call %d", i).hasSameSizeAs(expected);
                    for (int k = 0; k < expected.size(); k++) {
                        Detection a = concurrent.get(k);
                        Detection b = expected.get(k);
                        assertThat(a.productClass()).isEqualTo(b.productClass());
                        assertThat(a.confidence()).isCloseTo(b.confidence(), within(1e-4f));
                        assertThat(a.box().iou(b.box())).isGreaterThan(0.999f);
                    }
                }
                assertThat(sequential).anySatisfy(d -> assertThat(d).isNotEmpty());
            } finally {
                pool.shutdown();
            }
        } finally {
            frames.forEach(Mat::close);
        }
    }

    private record Label(int classIndex, BoundingBox box) {
    }

    private static List<Label> labels(Path image, int width, int height) throws Exception {
        Path file = SharedFiles.labelsFor(image);
        List<Label> labels = new ArrayList<>();
        if (!Files.exists(file)) {
            return labels;
        }
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 5) {
                labels.add(new Label(Integer.parseInt(f[0]), BoundingBox.fromCentre(
                        Float.parseFloat(f[1]) * width, Float.parseFloat(f[2]) * height,
                        Float.parseFloat(f[3]) * width, Float.parseFloat(f[4]) * height)));
            }
        }
        return labels;
    }

    /** Greedy matching, highest confidence first, one label per detection, same class, IoU ≥ 0.5. */
    private static void match(List<Detection> found, List<Label> labels, Map<ProductClass, int[]> counts) {
        boolean[] used = new boolean[labels.size()];
        List<Detection> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingDouble(Detection::confidence).reversed());
        ClassMap classMap = detector.classMap();
        for (Detection d : sorted) {
            int best = -1;
            float bestIou = 0.5f;
            for (int i = 0; i < labels.size(); i++) {
                Label l = labels.get(i);
                float iou = l.box().iou(d.box());
                if (!used[i] && classMap.productClass(l.classIndex()) == d.productClass() && iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            int[] c = counts.computeIfAbsent(d.productClass(), k -> new int[3]);
            if (best >= 0) {
                used[best] = true;
                c[0]++;
            } else {
                c[1]++;
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            if (!used[i]) {
                counts.computeIfAbsent(classMap.productClass(labels.get(i).classIndex()), k -> new int[3])[2]++;
            }
        }
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
