package io.hardhats.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.Detection;
import io.hardhats.vision.ProductClass;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class FrameAnnotatorTest {

    @Test
    void aLiveFrameIsAJpegAtMost1280WideThatSaysWhenItWasCaptured() {
        Instant captured = Instant.parse("2026-11-26T08:00:01.234Z");
        byte[] jpeg;
        try (Mat frame = new Mat(1080, 1920, CV_8UC3, new Scalar(90, 120, 150, 0))) {
            jpeg = new FrameAnnotator(80).annotate(frame, new FrameAnnotator.Drawing(
                    List.of(new Detection(ProductClass.NO_HELMET, "no_helmet", 0.9f, new BoundingBox(100, 100, 300, 400))),
                    List.of(), List.of(List.of(0.1, 0.1), List.of(0.9, 0.1), List.of(0.5, 0.9)), "Gate", captured, true),
                    FrameAnnotator.MAX_WIDTH);
        }
        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
        assertThat(jpeg[2] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[3] & 0xFF).isEqualTo(0xFE);
        int length = ((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF);
        assertThat(new String(jpeg, 6, length - 2, StandardCharsets.US_ASCII))
                .isEqualTo("hardhats-captured-at=" + captured.toEpochMilli());
        try (BytePointer bytes = new BytePointer(jpeg); Mat raw = new Mat(1, jpeg.length, CV_8UC1, bytes);
                Mat decoded = imdecode(raw, IMREAD_COLOR)) {
            assertThat(decoded.empty()).isFalse();
            assertThat(decoded.cols()).isEqualTo(1280);
            assertThat(decoded.rows()).isEqualTo(720);
        }
    }

    @Test
    void aLabelAtTheRightEdgeIsMovedInsideThePicture() {
        BoundingBox atTheEdge = new BoundingBox(610, 120, 639, 220);
        byte[] jpeg;
        try (Mat frame = new Mat(360, 640, CV_8UC3, new Scalar(90, 120, 150, 0))) {
            jpeg = new FrameAnnotator(95).annotate(frame, new FrameAnnotator.Drawing(
                    List.of(new Detection(ProductClass.NO_HELMET, "no_helmet", 0.9f, atTheEdge)),
                    List.of(), null, "Gate", Instant.parse("2026-11-26T08:00:00Z"), false), FrameAnnotator.MAX_WIDTH);
        }
        try (BytePointer bytes = new BytePointer(jpeg); Mat raw = new Mat(1, jpeg.length, CV_8UC1, bytes);
                Mat decoded = imdecode(raw, IMREAD_COLOR)) {
            // The label's red box starts left of the person's box, where nothing else is red.
            assertThat(redPixels(decoded, 520, 600, 80, 118)).isGreaterThan(100);
        }
    }

    @Test
    void theFlaggedWorkerIsBoxedInRedAtTheScaleOfTheFrame() {
        // A worker's box in source pixels of a 1920 px frame, which is scaled to 1280: x 600–900 becomes 400–600.
        BoundingBox worker = new BoundingBox(600, 300, 900, 900);
        try (Mat frame = new Mat(1080, 1920, CV_8UC3, new Scalar(90, 120, 150, 0));
                Mat flagged = decode(new FrameAnnotator(95).annotate(frame, new FrameAnnotator.Drawing(List.of(),
                        List.of(worker), null, "Gate", Instant.parse("2026-11-26T08:00:00Z"), false),
                        FrameAnnotator.MAX_WIDTH));
                Mat plain = decode(new FrameAnnotator(95).annotate(frame, new FrameAnnotator.Drawing(List.of(),
                        List.of(), null, "Gate", Instant.parse("2026-11-26T08:00:00Z"), false),
                        FrameAnnotator.MAX_WIDTH))) {
            assertThat(redPixels(flagged, 395, 405, 250, 550)).as("left edge of the box").isGreaterThan(600);
            assertThat(redPixels(flagged, 420, 580, 250, 550)).as("inside the box").isZero();
            assertThat(redPixels(plain, 395, 405, 250, 550)).isZero();
        }
    }

    @Test
    void aBoxIsPlacedWithinItsLimit() {
        assertThat(FrameAnnotator.inside(610, 120, 640)).isEqualTo(520);
        assertThat(FrameAnnotator.inside(-5, 20, 640)).isZero();
        assertThat(FrameAnnotator.inside(100, 20, 640)).isEqualTo(100);
        assertThat(FrameAnnotator.inside(10, 700, 640)).as("longer than the picture: starts at its edge").isZero();
    }

    private static Mat decode(byte[] jpeg) {
        try (BytePointer bytes = new BytePointer(jpeg); Mat raw = new Mat(1, jpeg.length, CV_8UC1, bytes)) {
            return imdecode(raw, IMREAD_COLOR);
        }
    }

    private static int redPixels(Mat bgr, int fromX, int toX, int fromY, int toY) {
        int red = 0;
        try (var pixels = bgr.<org.bytedeco.javacpp.indexer.UByteIndexer>createIndexer()) {
            for (int y = fromY; y < toY; y++) {
                for (int x = fromX; x < toX; x++) {
                    if (pixels.get(y, x, 2) > 180 && pixels.get(y, x, 1) < 90 && pixels.get(y, x, 0) < 90) {
                        red++;
                    }
                }
            }
        }
        return red;
    }
}
