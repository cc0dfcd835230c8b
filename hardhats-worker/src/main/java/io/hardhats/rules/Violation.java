package io.hardhats.rules;

import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.vision.BoundingBox;

import java.util.Arrays;

/**
 * A violation worth an event.
 *
 * @param type          what the worker did wrong
 * @param severity      from {@link SeverityPolicy}
 * @param confidence    the detector's score for the evidence (the {@code no_helmet}/{@code no_vest}
 *                      box, or the worker for a zone breach), 0–1
 * @param trackId       the worker's track, stable while the worker stays in view
 * @param box           the worker's box in source-frame pixels (for the thumbnail and overlay)
 * @param normalisedBox the same box as {@code [x, y, w, h]}, each 0–1 of the frame (as stored)
 */
public record Violation(ViolationType type, Severity severity, float confidence, long trackId,
                        BoundingBox box, double[] normalisedBox) {

    public Violation {
        if (normalisedBox == null || normalisedBox.length != 4) {
            throw new IllegalArgumentException("normalised box must be [x, y, w, h]");
        }
        normalisedBox = normalisedBox.clone(); // a record should not share a mutable array
    }

    @Override
    public double[] normalisedBox() {
        return normalisedBox.clone();
    }

    /** {@code [x, y, w, h]} of a pixel box in a frame, clipped to the frame, each 0–1. */
    static double[] normalise(BoundingBox box, int frameWidth, int frameHeight) {
        BoundingBox c = box.clip(frameWidth, frameHeight);
        return new double[] {
                c.x1() / (double) frameWidth, c.y1() / (double) frameHeight,
                c.width() / (double) frameWidth, c.height() / (double) frameHeight};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Violation v && type == v.type && severity == v.severity
                && Float.compare(confidence, v.confidence) == 0 && trackId == v.trackId
                && box.equals(v.box) && Arrays.equals(normalisedBox, v.normalisedBox);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(type, severity, confidence, trackId, box) + Arrays.hashCode(normalisedBox);
    }

    @Override
    public String toString() {
        return "Violation[" + type + ", " + severity + ", confidence=" + confidence + ", track=" + trackId
                + ", box=" + box + ", normalised=" + Arrays.toString(normalisedBox) + "]";
    }
}
