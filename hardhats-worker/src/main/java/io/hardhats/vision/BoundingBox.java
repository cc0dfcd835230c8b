package io.hardhats.vision;

import org.bytedeco.opencv.opencv_core.Rect;

/** An axis-aligned box by its corners, in pixels; {@code x2 >= x1} and {@code y2 >= y1}. */
public record BoundingBox(float x1, float y1, float x2, float y2) {

    public static BoundingBox fromCentre(float cx, float cy, float w, float h) {
        return new BoundingBox(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    public float width() {
        return Math.max(0, x2 - x1);
    }

    public float height() {
        return Math.max(0, y2 - y1);
    }

    public float area() {
        return width() * height();
    }

    /** Intersection over union; 0 for disjoint or empty boxes. */
    public float iou(BoundingBox other) {
        float iw = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        float ih = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        float inter = iw * ih;
        float union = area() + other.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** The box cut to an image of the given size (model boxes may spill over the border). */
    public BoundingBox clip(int width, int height) {
        return new BoundingBox(clamp(x1, width), clamp(y1, height), clamp(x2, width), clamp(y2, height));
    }

    /** The box grown by {@code padX} left and right and {@code padY} above and below. */
    public BoundingBox grow(float padX, float padY) {
        return new BoundingBox(x1 - padX, y1 - padY, x2 + padX, y2 + padY);
    }

    /**
     * The whole pixels the box touches within a {@code cols}×{@code rows} image, as OpenCV's
     * region: partly covered pixels count, so nothing the box covers is left out; empty when the
     * box lies outside the image.
     */
    public Rect pixelsWithin(int cols, int rows) {
        int left = Math.max(0, (int) Math.floor(x1));
        int top = Math.max(0, (int) Math.floor(y1));
        int right = Math.min(cols, (int) Math.ceil(x2));
        int bottom = Math.min(rows, (int) Math.ceil(y2));
        return new Rect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    private static float clamp(float v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
