package io.hardhats.vision;

/**
 * A raw decoded box before class mapping and NMS, in model-input (letterboxed) pixels.
 *
 * @param classIndex index into the model's class names
 */
public record Candidate(int classIndex, float confidence, BoundingBox box) {
}
