package io.hardhats.vision;

import java.util.Arrays;

/**
 * How a YOLO export lays out its single output tensor. Exports carry no flag saying which
 * family they are, so the layout is recognised from the output shape and the class count.
 */
public enum ModelOutputLayout {
    /** YOLOv5: {@code [1, N, 5+nc]} = cx, cy, w, h, objectness, class scores; needs NMS. */
    V5,
    /** YOLOv8 / YOLO11: {@code [1, 4+nc, N]} = cx, cy, w, h, class scores (no objectness); needs NMS. */
    V8,
    /** YOLOv10 / YOLO26 end-to-end: {@code [1, K, 6]} = x1, y1, x2, y2, score, class; already NMS-ed. */
    END_TO_END;

    /**
     * End-to-end exports keep at most a few hundred boxes (300 by default); a V5 export has
     * thousands of anchors even at 160 px, so a short second axis of width 6 means end-to-end.
     */
    static final int MAX_END_TO_END_BOXES = 1000;

    /**
     * Recognises the layout.
     *
     * @param shape      the output's shape, batch first
     * @param classCount classes named by the model, or {@code <= 0} when unknown
     * @throws IllegalArgumentException when the shape fits no known layout
     */
    public static ModelOutputLayout recognise(long[] shape, int classCount) {
        if (shape.length != 3 || shape[0] != 1) {
            throw unknown(shape, classCount);
        }
        long rows = shape[1];
        long cols = shape[2];
        boolean endToEnd = cols == 6 && rows <= MAX_END_TO_END_BOXES;
        if (classCount > 0) {
            // v8 puts the few attributes first and the many anchors last.
            if (rows == 4 + classCount && cols > rows) {
                return V8;
            }
            if (endToEnd) {
                return END_TO_END;
            }
            if (cols == 5 + classCount) {
                return V5;
            }
        } else {
            if (endToEnd) {
                return END_TO_END;
            }
            if (rows > 4 && cols > rows) {
                return V8;
            }
            if (cols > 5 && rows > cols) {
                return V5;
            }
        }
        throw unknown(shape, classCount);
    }

    /** Classes implied by the shape, for models whose metadata names none. */
    public int classCount(long[] shape) {
        return switch (this) {
            case V5 -> (int) shape[2] - 5;
            case V8 -> (int) shape[1] - 4;
            case END_TO_END -> -1;
        };
    }

    private static IllegalArgumentException unknown(long[] shape, int classCount) {
        return new IllegalArgumentException("Unrecognised detector output shape " + Arrays.toString(shape)
                + " for " + (classCount > 0 ? classCount + " classes" : "an unknown class count")
                + "; expected YOLOv5 [1,N,5+nc], YOLOv8/YOLO11 [1,4+nc,N] or end-to-end [1,K,6]");
    }
}
