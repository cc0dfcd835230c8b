package io.hardhats.cameras;

import java.util.List;

/** The inference sizes and analysis rates a camera may use, with what each is good for. */
public record CameraPresets(List<Resolution> resolutions, Range customResolution, List<Rate> fps, Range fpsRange,
        Range confidenceThreshold, Defaults defaults) {

    public record Resolution(String name, int width, int height, String useCase) {
    }

    public record Rate(double value, String useCase) {
    }

    public record Range(double min, double max, Double multipleOf) {
    }

    public record Defaults(int inferenceWidth, int inferenceHeight, double targetFps, double confidenceThreshold) {
    }

    public static final CameraPresets STANDARD = new CameraPresets(
            List.of(new Resolution("640", 640, 640,
                            "Default. Workers up to ~15 m from the camera; cheapest, most cameras per worker."),
                    new Resolution("720", 720, 720,
                            "Wider scenes with workers up to ~20 m; about 1.3x the cost of 640."),
                    new Resolution("1080", 1080, 1080,
                            "Large sites and high-mounted cameras where heads are small; about 3x the cost of 640."),
                    new Resolution("1280", 1280, 1280,
                            "Very wide or distant views (cranes, perimeters); about 4x the cost of 640.")),
            new Range(InferenceSize.MIN, InferenceSize.MAX, (double) InferenceSize.MULTIPLE),
            List.of(new Rate(0.25, "One frame every 4 s: quiet areas, storage yards, many cameras per worker."),
                    new Rate(0.5, "Default. One frame every 2 s: general site coverage."),
                    new Rate(1.0, "Entrances, gates and walkways where people pass quickly."),
                    new Rate(2.0, "Forbidden zones and hazardous areas where seconds matter.")),
            new Range(AnalysisRate.MIN_FPS, AnalysisRate.MAX_FPS, null),
            new Range(ConfidenceThreshold.MIN, ConfidenceThreshold.MAX, null),
            new Defaults(InferenceSize.DEFAULT, InferenceSize.DEFAULT, AnalysisRate.DEFAULT_FPS,
                    ConfidenceThreshold.DEFAULT));
}
