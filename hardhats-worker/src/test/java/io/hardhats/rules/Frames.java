package io.hardhats.rules;

import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.Detection;
import io.hardhats.vision.ProductClass;

import java.time.Instant;

/** Small builders for detections and times in rule tests. */
final class Frames {

    static final Instant T0 = Instant.parse("2025-01-06T08:00:00Z");
    static final int W = 1280;
    static final int H = 720;

    private Frames() {
    }

    static Detection det(ProductClass c, float conf, float x1, float y1, float x2, float y2) {
        return new Detection(c, c.label(), conf, new BoundingBox(x1, y1, x2, y2));
    }

    /** A bare head, 40×40, whose top-left is (x, y). */
    static Detection bareHead(float x, float y) {
        return det(ProductClass.NO_HELMET, 0.9f, x, y, x + 40, y + 40);
    }

    static Detection helmet(float x, float y) {
        return det(ProductClass.HELMET, 0.9f, x, y, x + 40, y + 40);
    }

    /** A torso 80×100 whose top-left is (x, y). */
    static Detection noVest(float x, float y) {
        return det(ProductClass.NO_VEST, 0.8f, x, y, x + 80, y + 100);
    }

    static Detection vest(float x, float y) {
        return det(ProductClass.VEST, 0.8f, x, y, x + 80, y + 100);
    }

    static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }
}
