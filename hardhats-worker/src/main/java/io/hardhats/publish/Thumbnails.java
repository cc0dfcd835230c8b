package io.hardhats.publish;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.hardhats.vision.BoundingBox;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * An event's picture: the violating box with context around it, at most 320 px wide. The box is
 * drawn on it, so in a crowd one can tell who was flagged.
 */
public final class Thumbnails {

    static final int MAX_WIDTH = 320;
    static final int MIN_SIDE = 96;

    private Thumbnails() {
    }

    public static byte[] crop(Mat bgr, BoundingBox box, int quality) {
        try (PointerScope scope = new PointerScope()) {
            Rect context = context(box, bgr.cols(), bgr.rows());
            int x1 = context.x();
            int y1 = context.y();
            // A copy: the frame itself is annotated for the live view afterwards.
            Mat region = new Mat(bgr, context).clone();
            int thickness = Math.max(2, region.cols() / 160);
            rectangle(region, new Point((int) box.x1() - x1, (int) box.y1() - y1),
                    new Point((int) box.x2() - x1, (int) box.y2() - y1), FrameAnnotator.flagRed(), thickness,
                    LINE_AA, 0);
            Mat out = region;
            if (region.cols() > MAX_WIDTH) {
                out = new Mat();
                int height = Math.max(1, (int) Math.round(region.rows() * (double) MAX_WIDTH / region.cols()));
                resize(region, out, new Size(MAX_WIDTH, height), 0, 0, INTER_AREA);
            }
            return Jpeg.encode(out, quality);
        }
    }

    /** The part of a {@code cols}×{@code rows} frame a thumbnail shows: the box with context around it. */
    public static Rect context(BoundingBox box, int cols, int rows) {
        return box.grow(Math.max(box.width() * 0.75f, MIN_SIDE / 2f), Math.max(box.height() * 0.5f, MIN_SIDE / 2f))
                .pixelsWithin(cols, rows);
    }
}
