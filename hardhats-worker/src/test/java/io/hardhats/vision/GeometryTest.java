package io.hardhats.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

/** Letterbox scale/pad math, class-wise NMS, and boxes grown into pixel regions. */
class GeometryTest {

    @Test
    void roundsInferenceSizesUpToTheStride() {
        assertThat(Letterbox.roundUpToStride(640)).isEqualTo(640);
        assertThat(Letterbox.roundUpToStride(720)).isEqualTo(736);
        assertThat(Letterbox.roundUpToStride(1080)).isEqualTo(1088);
        assertThat(Letterbox.roundUpToStride(1)).isEqualTo(32);
    }

    @Test
    void fitsAWideFrameIntoASquareInput() {
        Letterbox lb = Letterbox.fit(1920, 1080, 640, 640);
        assertThat(lb.inputWidth()).isEqualTo(640);
        assertThat(lb.inputHeight()).isEqualTo(640);
        assertThat(lb.scale()).isCloseTo(1 / 3f, within(1e-6f));
        assertThat(lb.resizedWidth()).isEqualTo(640);
        assertThat(lb.resizedHeight()).isEqualTo(360);
        assertThat(lb.padLeft()).isZero();
        assertThat(lb.padTop()).isEqualTo(140);
        assertThat(lb.padBottom()).isEqualTo(140);
    }

    @Test
    void fitsATallFrameAndPadsTheRoundedSize() {
        // 720 → 736: the 1280×720 frame keeps scale 1 and gets 8 grey rows above and below.
        Letterbox same = Letterbox.fit(1280, 720, 1280, 720);
        assertThat(same.inputHeight()).isEqualTo(736);
        assertThat(same.scale()).isEqualTo(1f);
        assertThat(same.padTop()).isEqualTo(8);
        assertThat(same.padBottom()).isEqualTo(8);

        Letterbox tall = Letterbox.fit(480, 1000, 640, 640);
        assertThat(tall.resizedHeight()).isEqualTo(640);
        assertThat(tall.resizedWidth()).isEqualTo(307);
        assertThat(tall.padLeft() + tall.resizedWidth() + tall.padRight()).isEqualTo(640);
        assertThat(tall.padRight() - tall.padLeft()).isBetween(0, 1);
    }

    @Test
    void mapsBoxesBackToSourcePixels() {
        Letterbox lb = Letterbox.fit(1920, 1080, 1280, 720);
        BoundingBox source = new BoundingBox(300, 200, 900, 1000);
        BoundingBox input = lb.toInput(source);
        assertThat(input.y1()).isCloseTo(200 * lb.scale() + lb.padTop(), within(1e-3f));
        BoundingBox back = lb.toSource(input);
        assertThat(back.x1()).isCloseTo(300, within(0.01f));
        assertThat(back.y1()).isCloseTo(200, within(0.01f));
        assertThat(back.x2()).isCloseTo(900, within(0.01f));
        assertThat(back.y2()).isCloseTo(1000, within(0.01f));
        // A box spilling into the grey border is clipped to the frame.
        BoundingBox spill = lb.toSource(new BoundingBox(-10, 0, 1300, 20));
        assertThat(spill).isEqualTo(new BoundingBox(0, 0, 1920, spill.y2()));
        assertThat(spill.y2()).isCloseTo((20 - lb.padTop()) / lb.scale(), within(0.01f));
    }

    @Test
    void iouOfBoxes() {
        BoundingBox a = new BoundingBox(0, 0, 10, 10);
        assertThat(a.iou(a)).isEqualTo(1f);
        assertThat(a.iou(new BoundingBox(5, 0, 15, 10))).isCloseTo(50f / 150, within(1e-6f));
        assertThat(a.iou(new BoundingBox(20, 20, 30, 30))).isZero();
    }

    @Test
    void nmsSuppressesOnlyWithinAClass() {
        Detection helmet = det(ProductClass.HELMET, 0.9f, 0, 0, 10, 10);
        Detection helmetDuplicate = det(ProductClass.HELMET, 0.8f, 1, 0, 11, 10);
        Detection noHelmetSameSpot = det(ProductClass.NO_HELMET, 0.7f, 0, 0, 10, 10);
        Detection helmetElsewhere = det(ProductClass.HELMET, 0.6f, 50, 50, 60, 60);
        List<Detection> kept = new NonMaxSuppression().apply(
                List.of(helmetElsewhere, helmetDuplicate, noHelmetSameSpot, helmet));
        assertThat(kept).containsExactly(helmet, noHelmetSameSpot, helmetElsewhere);
    }

    @Test
    void nmsKeepsBoxesBelowTheIouThresholdAndCapsTheCount() {
        Detection a = det(ProductClass.VEST, 0.9f, 0, 0, 10, 10);
        Detection b = det(ProductClass.VEST, 0.8f, 6, 0, 16, 10); // IoU 0.25
        assertThat(new NonMaxSuppression().apply(List.of(a, b))).containsExactly(a, b);
        assertThat(new NonMaxSuppression(0.45f, 1).apply(List.of(b, a))).containsExactly(a);
    }

    private static Detection det(ProductClass c, float conf, float x1, float y1, float x2, float y2) {
        return new Detection(c, c.label(), conf, new BoundingBox(x1, y1, x2, y2));
    }

    @Test
    void aGrownBoxCoversEveryPixelItTouchesAndStopsAtTheImage() {
        BoundingBox grown = new BoundingBox(100.5f, 60.2f, 140.5f, 100.8f).grow(10, 5);
        assertThat(grown).isEqualTo(new BoundingBox(90.5f, 55.2f, 150.5f, 105.8f));

        try (Rect pixels = grown.pixelsWithin(640, 360)) {
            assertThat(List.of(pixels.x(), pixels.y(), pixels.width(), pixels.height())).containsExactly(90, 55, 61, 51);
        }
        try (Rect corner = new BoundingBox(-4, -4, 30, 30).grow(8, 8).pixelsWithin(20, 20)) {
            assertThat(List.of(corner.x(), corner.y(), corner.width(), corner.height())).containsExactly(0, 0, 20, 20);
        }
        try (Rect outside = new BoundingBox(700, 10, 720, 30).pixelsWithin(640, 360)) {
            assertThat(outside.width()).isZero();
        }
    }
}
