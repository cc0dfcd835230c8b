package io.hardhats.vision;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a raw output tensor into candidate boxes above a confidence threshold, in model-input
 * pixels. Reads the buffer with absolute gets: no copy of the (up to 33 600 × 84) floats.
 */
public final class YoloOutputDecoder {

    private YoloOutputDecoder() {
    }

    /**
     * @param output     the output tensor's floats, row-major, batch of one
     * @param shape      its shape, {@code [1, a, b]}
     * @param layout     as recognised by {@link ModelOutputLayout#recognise}
     * @param classCount classes of the model (ignored for end-to-end, whose class is a field)
     * @param threshold  minimum confidence kept
     */
    public static List<Candidate> decode(FloatBuffer output, long[] shape, ModelOutputLayout layout,
            int classCount, float threshold) {
        int a = (int) shape[1];
        int b = (int) shape[2];
        if (output.remaining() < a * b) {
            throw new IllegalArgumentException("Output holds " + output.remaining() + " floats, shape needs " + a * b);
        }
        int base = output.position();
        List<Candidate> out = new ArrayList<>();
        switch (layout) {
            case V8 -> {
                // Attribute-major: attribute k of anchor i is at k * N + i.
                int n = b;
                for (int i = 0; i < n; i++) {
                    int best = -1;
                    float bestScore = threshold;
                    for (int c = 0; c < classCount; c++) {
                        float s = output.get(base + (4 + c) * n + i);
                        if (s >= bestScore) {
                            bestScore = s;
                            best = c;
                        }
                    }
                    if (best >= 0) {
                        out.add(new Candidate(best, bestScore, BoundingBox.fromCentre(output.get(base + i),
                                output.get(base + n + i), output.get(base + 2 * n + i), output.get(base + 3 * n + i))));
                    }
                }
            }
            case V5 -> {
                // Anchor-major; confidence = objectness × class score, as YOLOv5's own NMS does.
                for (int i = 0; i < a; i++) {
                    int row = base + i * b;
                    float objectness = output.get(row + 4);
                    if (objectness < threshold) {
                        continue; // the product can only be lower
                    }
                    int best = -1;
                    float bestScore = threshold;
                    for (int c = 0; c < classCount; c++) {
                        float s = objectness * output.get(row + 5 + c);
                        if (s >= bestScore) {
                            bestScore = s;
                            best = c;
                        }
                    }
                    if (best >= 0) {
                        out.add(new Candidate(best, bestScore, BoundingBox.fromCentre(output.get(row),
                                output.get(row + 1), output.get(row + 2), output.get(row + 3))));
                    }
                }
            }
            case END_TO_END -> {
                for (int i = 0; i < a; i++) {
                    int row = base + i * b;
                    float score = output.get(row + 4);
                    if (score >= threshold) {
                        out.add(new Candidate(Math.round(output.get(row + 5)), score, new BoundingBox(
                                output.get(row), output.get(row + 1), output.get(row + 2), output.get(row + 3))));
                    }
                }
            }
        }
        return out;
    }
}
