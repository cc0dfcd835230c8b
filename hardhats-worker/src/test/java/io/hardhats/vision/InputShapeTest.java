package io.hardhats.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which input size the detector feeds a model: tight for dynamic models, the model's own for fixed ones. */
class InputShapeTest {

    /** Whose frames these are, for the detector's turns. */
    private static final UUID ORGANIZATION = UUID.randomUUID();

    @TempDir
    Path dir;

    @Test
    void aDynamicModelGetsTheSmallestStrideAlignedInput() throws Exception {
        Path model = TinyOnnxModels.reshapeModel(dir.resolve("dynamic.onnx"), 0, 0);
        try (OnnxDetector detector = OnnxDetector.open(model, InferenceThreads.perCore(1));
                Mat wide = new Mat(1080, 1920, CV_8UC3, new Scalar(0, 0, 0, 0));
                Mat square = new Mat(500, 500, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            Letterbox lb = detector.run(ORGANIZATION, wide, 640, 640, 0.99).letterbox();
            assertThat(lb.inputWidth()).isEqualTo(640);
            assertThat(lb.inputHeight()).isEqualTo(384);
            Letterbox big = detector.run(ORGANIZATION, wide, 1280, 1280, 0.99).letterbox();
            assertThat(big.inputWidth()).isEqualTo(1280);
            assertThat(big.inputHeight()).isEqualTo(736);
            Letterbox sq = detector.run(ORGANIZATION, square, 640, 640, 0.99).letterbox();
            assertThat(sq.inputWidth()).isEqualTo(640);
            assertThat(sq.inputHeight()).isEqualTo(640);
        }
    }

    @Test
    void aFixedShapeModelGetsItsOwnInputSizeWhateverTheCameraAsks() throws Exception {
        Path model = TinyOnnxModels.reshapeModel(dir.resolve("fixed.onnx"), 96, 128);
        try (OnnxDetector detector = OnnxDetector.open(model, InferenceThreads.perCore(1));
                Mat wide = new Mat(1080, 1920, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            // The model's Reshape only accepts 1x3x96x128: any other input would throw here.
            Letterbox lb = detector.run(ORGANIZATION, wide, 640, 640, 0.99).letterbox();
            assertThat(lb.inputWidth()).isEqualTo(128);
            assertThat(lb.inputHeight()).isEqualTo(96);
            assertThat(lb.resizedWidth()).isEqualTo(128);
            assertThat(lb.resizedHeight()).isEqualTo(72);
        }
    }

    /**
     * The tight input must find what the padded square input finds: a 16:9 crop analysed as is
     * (640×384) against the same crop padded with grey to a square first (640×640).
     */
    @Test
    void aTightInputFindsWhatThePaddedSquareFinds() throws Exception {
        int compared = 0;
        int matched = 0;
        try (OnnxDetector detector = OnnxDetector.open(SharedFiles.referenceModel(), InferenceThreads.perCore(2))) {
            for (Path image : SharedFiles.valImages(12)) {
                try (Mat original = imread(image.toString()); Mat full = resized(original);
                        Mat wide = new Mat(full, new Rect(0, 140, 640, 360)).clone();
                        Mat padded = new Mat()) {
                    copyMakeBorder(wide, padded, 140, 140, 0, 0, BORDER_CONSTANT, new Scalar(114, 114, 114, 0));
                    OnnxDetector.Run tight = detector.run(ORGANIZATION, wide, 640, 640, 0.25);
                    assertThat(tight.letterbox().inputHeight()).isEqualTo(384);
                    List<Detection> square = detector.run(ORGANIZATION, padded, 640, 640, 0.25).detections();
                    for (Detection d : tight.detections()) {
                        if (d.confidence() < 0.5) {
                            continue;
                        }
                        compared++;
                        BoundingBox shifted = new BoundingBox(d.box().x1(), d.box().y1() + 140, d.box().x2(),
                                d.box().y2() + 140);
                        if (square.stream().anyMatch(s -> s.productClass() == d.productClass()
                                && s.box().iou(shifted) > 0.8f)) {
                            matched++;
                        }
                    }
                }
            }
        }
        assertThat(compared).as("confident detections compared").isGreaterThan(10);
        assertThat((double) matched / compared).as("%d of %d matched", matched, compared).isGreaterThan(0.9);
    }

    private static Mat resized(Mat image) {
        Mat square = new Mat();
        try (Size size = new Size(640, 640)) {
            resize(image, square, size);
        }
        return square;
    }
}
