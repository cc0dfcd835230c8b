package io.hardhats.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import io.hardhats.vision.BoundingBox;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    @Test
    void theFlaggedBoxIsDrawnOnTheThumbnailAndNotOnTheFrame() {
        BoundingBox box = new BoundingBox(200, 100, 260, 220);
        byte[] jpeg;
        try (Mat frame = new Mat(360, 640, CV_8UC3, new Scalar(90, 120, 150, 0))) {
            jpeg = Thumbnails.crop(frame, box, 95);
            assertThat(redPixels(frame)).as("the frame is left as it was").isZero();
        }
        try (BytePointer bytes = new BytePointer(jpeg); Mat raw = new Mat(1, jpeg.length, CV_8UC1, bytes);
                Mat decoded = imdecode(raw, IMREAD_COLOR)) {
            // Padding puts the box's left edge 48 px into the crop, and its top edge 60 px down.
            assertThat(redPixels(decoded)).isGreaterThan(200);
            try (UByteIndexer pixels = decoded.createIndexer()) {
                assertThat(pixels.get(120, 48, 2)).as("red channel on the box's left edge").isGreaterThan(180);
                assertThat(pixels.get(120, 10, 2)).as("red channel outside the box").isLessThan(180);
            }
        }
    }

    private static int redPixels(Mat bgr) {
        int red = 0;
        try (UByteIndexer pixels = bgr.createIndexer()) {
            for (int y = 0; y < bgr.rows(); y++) {
                for (int x = 0; x < bgr.cols(); x++) {
                    if (pixels.get(y, x, 2) > 180 && pixels.get(y, x, 1) < 90 && pixels.get(y, x, 0) < 90) {
                        red++;
                    }
                }
            }
        }
        return red;
    }
}
