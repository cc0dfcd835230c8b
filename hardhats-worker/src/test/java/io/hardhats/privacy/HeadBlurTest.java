package io.hardhats.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;

import java.util.List;
import java.util.Random;

import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.Detection;
import io.hardhats.vision.ProductClass;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

class HeadBlurTest {

    private static final BoundingBox HEAD = new BoundingBox(100, 60, 140, 100);

    @Test
    void headsAndTheirMarginLoseTheirDetailAndNothingElseChanges() {
        try (Mat frame = noise(); Mat before = frame.clone()) {
            HeadBlur.heads(frame, List.of(detection(ProductClass.NO_HELMET, HEAD),
                    detection(ProductClass.VEST, new BoundingBox(300, 200, 380, 300))));

            assertThat(variance(frame, new Rect(100, 60, 40, 40)))
                    .isLessThan(variance(before, new Rect(100, 60, 40, 40)) / 20);
            Rect margin = new Rect(100, 60 - 12, 40, 10); // the strip above the head, inside the margin
            assertThat(variance(frame, margin)).isLessThan(variance(before, margin) / 5);
            Rect vest = new Rect(300, 200, 80, 100);
            assertThat(difference(frame, before, vest)).as("a vest is not a head").isZero();
            Rect outside = HeadBlur.grown(HEAD, frame.cols(), frame.rows());
            assertThat(difference(frame, before, new Rect(0, 0, frame.cols(), outside.y()))).isZero();
        }
    }

    @Test
    void theMarginGrowsEachSideAndStopsAtTheFrame() {
        Rect grown = HeadBlur.grown(new BoundingBox(100, 60, 140, 100), 640, 360);
        int pad = Math.round(40 * HeadBlur.MARGIN);
        assertThat(grown.x()).isEqualTo(100 - pad);
        assertThat(grown.width()).isEqualTo(40 + 2 * pad);
        Rect atCorner = HeadBlur.grown(new BoundingBox(0, 0, 30, 30), 20, 20);
        assertThat(atCorner.x()).isZero();
        assertThat(atCorner.width()).isEqualTo(20);
    }

    @Test
    void withoutDetectionsTheWholeFrameIsPixelated() {
        try (Mat frame = noise(); Mat before = frame.clone()) {
            HeadBlur.wholeFrame(frame);
            Rect all = new Rect(0, 0, frame.cols(), frame.rows());
            assertThat(variance(frame, new Rect(0, 0, HeadBlur.FRAME_CELL, HeadBlur.FRAME_CELL))).isLessThan(1);
            assertThat(variance(frame, all)).isLessThan(variance(before, all) / 5);
        }
    }

    private static Detection detection(ProductClass productClass, BoundingBox box) {
        return new Detection(productClass, productClass.label(), 0.9f, box);
    }

    /** A frame of random pixels (fixed seed): all detail, like a face close up. */
    private static Mat noise() {
        Mat frame = new Mat(360, 640, CV_8UC3);
        Random random = new Random(14);
        try (UByteIndexer pixels = frame.createIndexer()) {
            for (long y = 0; y < frame.rows(); y++) {
                for (long x = 0; x < frame.cols(); x++) {
                    for (long c = 0; c < 3; c++) {
                        pixels.put(y, x, c, random.nextInt(256));
                    }
                }
            }
        }
        return frame;
    }

    private static double variance(Mat frame, Rect area) {
        try (Mat region = new Mat(frame, area); Mat mean = new Mat(); Mat deviation = new Mat()) {
            meanStdDev(region, mean, deviation);
            try (DoubleIndexer sd = deviation.createIndexer()) {
                return (sd.get(0) * sd.get(0) + sd.get(1) * sd.get(1) + sd.get(2) * sd.get(2)) / 3;
            }
        }
    }

    private static double difference(Mat a, Mat b, Rect area) {
        try (Mat ra = new Mat(a, area); Mat rb = new Mat(b, area)) {
            return org.bytedeco.opencv.global.opencv_core.norm(ra, rb);
        }
    }
}
