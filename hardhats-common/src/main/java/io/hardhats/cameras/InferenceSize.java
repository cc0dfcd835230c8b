package io.hardhats.cameras;

import java.util.List;

/**
 * The width or height a camera's frames are analysed at: a preset, or a custom size in steps of
 * the model's stride. The API and the database's CHECK constraint ({@code V5__camera_checks.sql})
 * allow exactly these.
 */
public final class InferenceSize {

    /** Square presets, letterboxed like the model's training. */
    public static final List<Integer> PRESETS = List.of(640, 720, 1080, 1280);
    public static final int MIN = 320;
    public static final int MAX = 1920;
    public static final int MULTIPLE = 32;
    public static final int DEFAULT = 640;

    private InferenceSize() {
    }

    public static boolean isAllowed(int size) {
        return PRESETS.contains(size) || (size >= MIN && size <= MAX && size % MULTIPLE == 0);
    }
}
