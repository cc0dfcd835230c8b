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
            InferenceSize.PRESETS.stream().map(preset -> new Resolution(String.valueOf(preset.size()),
                    preset.size(), preset.size(), preset.useCase())).toList(),
            new Range(InferenceSize.MIN, InferenceSize.MAX, (double) InferenceSize.MULTIPLE),
            List.of(new Rate(0.25, "One frame every 4 s: quiet areas, storage yards, many cameras per worker."),
                    new Rate(0.5, "Default. One frame every 2 s: general site coverage."),
                    new Rate(1.0, "Entrances, gates and walkways where people pass quickly."),
                    new Rate(2.0, "Forbidden zones and hazardous areas where seconds matter.")),
            new Range(AnalysisRate.FPS.min(), AnalysisRate.FPS.max(), null),
            new Range(ConfidenceThreshold.RANGE.min(), ConfidenceThreshold.RANGE.max(), null),
            new Defaults(InferenceSize.DEFAULT, InferenceSize.DEFAULT, AnalysisRate.FPS.byDefault(),
                    ConfidenceThreshold.RANGE.byDefault()));
}
