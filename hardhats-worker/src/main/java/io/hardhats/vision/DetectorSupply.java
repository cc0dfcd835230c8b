package io.hardhats.vision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's detector, when it has a model. Whether the model file is there is settled once,
 * at start: without it the worker still streams every camera, unanalysed and marked as having no
 * detector, and the log says once what is missing and how to fix it. The engine itself loads on
 * first use (seconds and hundreds of MB), so a worker without cameras never pays for it.
 */
public final class DetectorSupply {

    private static final Logger log = LoggerFactory.getLogger(DetectorSupply.class);

    private final Supplier<? extends Detector> engine;
    private final boolean modelPresent;

    public DetectorSupply(Path modelPath, Supplier<? extends Detector> engine) {
        this.engine = engine;
        this.modelPresent = Files.isRegularFile(modelPath);
        if (!modelPresent) {
            log.warn(missingModel(modelPath));
        }
    }

    /** The detector, or empty when this process has no model (cameras then stream without detection). */
    public Optional<Detector> detector() {
        return modelPresent ? Optional.of(engine.get()) : Optional.empty();
    }

    static String missingModel(Path modelPath) {
        return "Detection is off: no detector model at " + modelPath.toAbsolutePath()
                + ". Cameras stream live video without detection. To turn it on, set MODEL_PATH to a YOLO ONNX model"
                + " (any Ultralytics export works: yolo export model=<weights>.pt format=onnx),"
                + " or train the product model with training/ (it writes models/ppe-detector.onnx), then restart.";
    }
}
