package io.hardhats.vision;

import java.util.List;
import java.util.UUID;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds the product's classes in a camera frame. The pipeline knows only this interface; which
 * engine runs the model is decided in {@link VisionConfiguration} alone (ONNX Runtime, in
 * {@link OnnxDetector}). What every YOLO engine shares stands apart and is reused by any of
 * them: {@link Letterbox}, {@link YoloOutputDecoder}, {@link NonMaxSuppression}, {@link ClassMap}.
 */
public interface Detector {

    /**
     * Detects objects in a camera frame.
     *
     * @param organizationId      whose camera it is: cameras waiting for the cores take turns by organisation
     * @param bgrImage            8-bit BGR (as OpenCV and FFmpeg grabbers give it); grey and BGRA accepted
     * @param inferenceWidth      the camera's inference width (the frame is fitted inside it)
     * @param inferenceHeight     the camera's inference height
     * @param confidenceThreshold the camera's minimum confidence
     * @return detections in source-image pixels, highest confidence first
     */
    List<Detection> detect(UUID organizationId, Mat bgrImage, int inferenceWidth, int inferenceHeight,
            double confidenceThreshold);
}
