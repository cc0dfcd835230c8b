package io.hardhats.vision;

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

    private static float clamp(float v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
