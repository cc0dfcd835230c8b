package io.hardhats.vision;

/**
 * One detected object in the source image.
 *
 * @param productClass what it is, in the product's terms
 * @param modelClass   the model's own class name (kept for labels and debugging)
 * @param confidence   the model's score, 0–1
 * @param box          in source-image pixels (the camera frame, not the letterboxed input)
 */
public record Detection(ProductClass productClass, String modelClass, float confidence, BoundingBox box) {
}
