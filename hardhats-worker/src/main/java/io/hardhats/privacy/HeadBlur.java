package io.hardhats.privacy;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.blur;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.List;

import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.Detection;
import io.hardhats.vision.ProductClass;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Privacy mode's blur, applied to a camera frame in place, right after detection and before the
 * frame is drawn on, encoded, stored or published. Heads are the detector's {@code helmet} and
 * {@code no_helmet} boxes, grown by {@link #MARGIN}; each is pixelated to a few cells and the
 * cells smoothed with a box blur, which costs a fraction of a millisecond per head on one core.
 */
public final class HeadBlur {

    /** Each head box grows by this share of its width and height on every side, so ears, hair and chin stay inside. */
    public static final float MARGIN = 0.35f;

    /**
     * Heads are looked for down to this confidence even where a camera's threshold is higher: a
     * head blurred in vain costs nothing, a face missed is kept. The violation rules still use
     * the camera's own threshold.
     */
    public static final double CONFIDENCE = 0.2;

    /** Cells across a head: a face in four cells by four is no longer anyone's. */
    static final int CELLS = 4;

    /** Without a detector nobody's head is known, so the whole frame is pixelated in cells this wide. */
    static final int FRAME_CELL = 16;

    private HeadBlur() {
    }

    /** Whether a detection marks a head. */
    public static boolean isHead(Detection detection) {
        return detection.productClass() == ProductClass.HELMET || detection.productClass() == ProductClass.NO_HELMET;
    }

    /** Blurs every head among {@code detections} (source pixels) in {@code bgr}. */
    public static void heads(Mat bgr, List<Detection> detections) {
        try (PointerScope scope = new PointerScope()) {
            for (Detection detection : detections) {
                if (isHead(detection)) {
                    Rect area = grown(detection.box(), bgr.cols(), bgr.rows());
                    if (area.width() > 0 && area.height() > 0) {
                        pixelate(new Mat(bgr, area), CELLS, CELLS, true);
                    }
                }
            }
        }
    }

    /** Pixelates the whole frame: what privacy mode shows when there is no detector to find heads. */
    public static void wholeFrame(Mat bgr) {
        try (PointerScope scope = new PointerScope()) {
            pixelate(bgr, Math.max(1, bgr.cols() / FRAME_CELL), Math.max(1, bgr.rows() / FRAME_CELL), false);
        }
    }

    /** The head box grown by the margin and cut to the frame, in whole pixels. */
    static Rect grown(BoundingBox box, int cols, int rows) {
        return box.grow(box.width() * MARGIN, box.height() * MARGIN).pixelsWithin(cols, rows);
    }

    /** Averages the region into cells and writes them back, in place (the region may be a view into a frame). */
    private static void pixelate(Mat region, int cellsAcross, int cellsDown, boolean smooth) {
        Size size = region.size();
        Mat cells = new Mat();
        resize(region, cells, new Size(Math.min(cellsAcross, size.width()), Math.min(cellsDown, size.height())), 0, 0,
                INTER_AREA);
        resize(cells, region, size, 0, 0, INTER_NEAREST);
        if (smooth) {
            int kernel = Math.max(3, Math.min(size.width(), size.height()) / cellsAcross) | 1;
            blur(region, region, new Size(kernel, kernel));
        }
    }
}
