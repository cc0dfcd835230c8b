package io.hardhats.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Class-wise greedy NMS: a box suppresses only boxes of its own class, so a helmet and the
 * person wearing it (or a vest overlapping a no_helmet head box) both survive.
 */
public final class NonMaxSuppression {

    public static final float DEFAULT_IOU = 0.45f;
    public static final int DEFAULT_MAX_DETECTIONS = 300;

    private final float iouThreshold;
    private final int maxDetections;

    public NonMaxSuppression(float iouThreshold, int maxDetections) {
        this.iouThreshold = iouThreshold;
        this.maxDetections = maxDetections;
    }

    public NonMaxSuppression() {
        this(DEFAULT_IOU, DEFAULT_MAX_DETECTIONS);
    }

    /** Keeps the best boxes, highest confidence first, at most {@code maxDetections}. */
    public List<Detection> apply(List<Detection> detections) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::confidence).reversed());
        List<Detection> kept = new ArrayList<>();
        boolean[] suppressed = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size() && kept.size() < maxDetections; i++) {
            if (suppressed[i]) {
                continue;
            }
            Detection best = sorted.get(i);
            kept.add(best);
            for (int j = i + 1; j < sorted.size(); j++) {
                Detection other = sorted.get(j);
                if (!suppressed[j] && other.productClass() == best.productClass()
                        && best.box().iou(other.box()) > iouThreshold) {
                    suppressed[j] = true;
                }
            }
        }
        return kept;
    }
}
