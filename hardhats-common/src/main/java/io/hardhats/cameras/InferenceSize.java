package io.hardhats.cameras;

import java.util.List;

/**
 * The width or height a camera's frames are analysed at: a preset, or a custom size in steps of
 * the model's stride. The API and the database's CHECK constraint ({@code V5__camera_checks.sql})
 * allow exactly these.
 */
public final class InferenceSize {

    /** A square preset, letterboxed like the model's training, and what it is good for. */
    public record Preset(int size, String useCase) {
    }

    public static final List<Preset> PRESETS = List.of(
            new Preset(640, "Default. Workers up to ~15 m from the camera; cheapest, most cameras per worker."),
            new Preset(720, "Wider scenes with workers up to ~20 m; about 1.3x the cost of 640."),
            new Preset(1080, "Large sites and high-mounted cameras where heads are small; about 3x the cost of 640."),
            new Preset(1280, "Very wide or distant views (cranes, perimeters); about 4x the cost of 640."));
    public static final int MIN = 320;
    public static final int MAX = 1920;
    public static final int MULTIPLE = 32;
    public static final int DEFAULT = 640;

    private InferenceSize() {
    }

    public static boolean isAllowed(int size) {
        return PRESETS.stream().anyMatch(preset -> preset.size() == size)
                || (size >= MIN && size <= MAX && size % MULTIPLE == 0);
    }
}
