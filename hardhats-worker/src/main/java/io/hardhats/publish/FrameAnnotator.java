package io.hardhats.publish;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.Detection;
import io.hardhats.vision.ProductClass;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws what a viewer sees — boxes coloured by class with labels, the zone, camera name and
 * time, and DEMO MODE on placeholder video — once per analysed frame, then encodes it once.
 * Frames wider than 1280 px are scaled down first: the live view needs no more. On the frame where
 * a violation fires the flagged workers are boxed too, and that same JPEG is kept with the event.
 */
public class FrameAnnotator {

    public static final int MAX_WIDTH = 1280;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * The red of missing equipment, the zone and a flagged worker (BGR), on the live view and
     * thumbnails. A new native value per call: one made once would belong to the pointer scope
     * that happened to be open then, and be freed with it.
     */
    static Scalar flagRed() {
        return new Scalar(40, 40, 230, 0);
    }

    private final int jpegQuality;

    public FrameAnnotator(int jpegQuality) {
        this.jpegQuality = jpegQuality;
    }

    /**
     * What is drawn on one frame.
     *
     * @param flagged the boxes of workers whose violation fired on this frame, in source pixels
     * @param zone    the zone polygon in normalised coordinates, or null
     */
    public record Drawing(List<Detection> detections, List<BoundingBox> flagged, List<List<Double>> zone,
            String cameraName, Instant at, boolean placeholder) {
    }

    /** The picture, scaled down to at most {@code maxWidth} pixels wide ({@link #MAX_WIDTH} for the live view). */
    public byte[] annotate(Mat bgr, Drawing drawing, int maxWidth) {
        try (PointerScope scope = new PointerScope()) {
            double scale = bgr.cols() > maxWidth ? (double) maxWidth / bgr.cols() : 1.0;
            Mat canvas = new Mat();
            if (scale < 1.0) {
                resize(bgr, canvas, new Size(maxWidth, (int) Math.round(bgr.rows() * scale)), 0, 0, INTER_AREA);
            } else {
                bgr.copyTo(canvas);
            }
            int thickness = Math.max(1, canvas.cols() / 400);
            double fontScale = Math.max(0.4, canvas.cols() / 1600.0);
            if (drawing.zone() != null) {
                drawZone(canvas, drawing.zone(), thickness);
            }
            for (Detection detection : drawing.detections()) {
                drawDetection(canvas, detection, scale, thickness, fontScale);
            }
            for (BoundingBox box : drawing.flagged()) {
                rectangle(canvas, new Point((int) (box.x1() * scale), (int) (box.y1() * scale)),
                        new Point((int) (box.x2() * scale), (int) (box.y2() * scale)), flagRed(), thickness * 3,
                        LINE_AA, 0);
            }
            label(canvas, drawing.cameraName() + "  " + TIME.format(drawing.at()), new Point(8, 8), fontScale,
                    new Scalar(0, 0, 0, 0), new Scalar(255, 255, 255, 0));
            if (drawing.placeholder()) {
                String text = "DEMO MODE";
                double big = fontScale * 2.2;
                Size size = getTextSize(text, FONT_HERSHEY_SIMPLEX, big, thickness * 2, (int[]) null);
                Point origin = new Point((canvas.cols() - size.width()) / 2, canvas.rows() - size.height() - 16);
                label(canvas, text, origin, big, new Scalar(0, 200, 255, 0), new Scalar(0, 0, 0, 0));
            }
            return Jpeg.encodeCapturedAt(canvas, jpegQuality, drawing.at());
        }
    }

    private static void drawZone(Mat canvas, List<List<Double>> zone, int thickness) {
        for (int i = 0; i < zone.size(); i++) {
            List<Double> a = zone.get(i);
            List<Double> b = zone.get((i + 1) % zone.size());
            line(canvas, new Point((int) (a.get(0) * canvas.cols()), (int) (a.get(1) * canvas.rows())),
                    new Point((int) (b.get(0) * canvas.cols()), (int) (b.get(1) * canvas.rows())),
                    flagRed(), thickness + 1, LINE_AA, 0);
        }
    }

    private static void drawDetection(Mat canvas, Detection detection, double scale, int thickness, double fontScale) {
        BoundingBox box = detection.box();
        Scalar colour = colour(detection.productClass());
        Point topLeft = new Point((int) (box.x1() * scale), (int) (box.y1() * scale));
        rectangle(canvas, topLeft, new Point((int) (box.x2() * scale), (int) (box.y2() * scale)), colour, thickness,
                LINE_AA, 0);
        String text = detection.productClass().label() + " " + Math.round(detection.confidence() * 100) + "%";
        Size size = getTextSize(text, FONT_HERSHEY_SIMPLEX, fontScale * 0.8, 1, (int[]) null);
        Point origin = new Point(topLeft.x(), Math.max(0, topLeft.y() - size.height() - 6));
        label(canvas, text, origin, fontScale * 0.8, colour, new Scalar(255, 255, 255, 0));
    }

    /**
     * Text on a filled box, so it stays legible on any background. The box is moved inside the
     * picture: a person at the right or bottom edge would otherwise get a label cut in half.
     */
    private static void label(Mat canvas, String text, Point wanted, double fontScale, Scalar background,
            Scalar foreground) {
        int[] baseline = new int[1];
        Size size = getTextSize(text, FONT_HERSHEY_SIMPLEX, fontScale, 1, baseline);
        int width = size.width() + 8;
        int height = size.height() + baseline[0] + 8;
        int x = inside(wanted.x(), width, canvas.cols());
        int y = inside(wanted.y(), height, canvas.rows());
        rectangle(canvas, new Point(x, y), new Point(x + width, y + height), background, FILLED, LINE_AA, 0);
        putText(canvas, text, new Point(x + 4, y + size.height() + 4), FONT_HERSHEY_SIMPLEX,
                fontScale, foreground, 1, LINE_AA, false);
    }

    /** Where a box of this length starts so that it lies within {@code [0, limit)}, as close to {@code wanted} as it can. */
    static int inside(int wanted, int length, int limit) {
        return Math.max(0, Math.min(wanted, limit - length));
    }

    /** BGR colours: safe equipment green, missing equipment red/orange, people blue. */
    static Scalar colour(ProductClass productClass) {
        return switch (productClass) {
            case HELMET -> new Scalar(80, 200, 60, 0);
            case VEST -> new Scalar(160, 200, 40, 0);
            case NO_HELMET -> flagRed();
            case NO_VEST -> new Scalar(0, 140, 255, 0);
            case PERSON -> new Scalar(230, 150, 40, 0);
        };
    }
}
