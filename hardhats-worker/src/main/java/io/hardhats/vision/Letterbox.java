package io.hardhats.vision;

/**
 * The geometry of fitting a source image into a model input without distorting it: scale to fit,
 * centre, pad the rest (Ultralytics' {@code letterbox}). The input size is the camera's inference
 * size rounded up to the model stride of 32, e.g. 1280×720 → 1280×736, because YOLO's feature
 * maps halve five times and the dynamic-shape exports need whole cells.
 *
 * @param sourceWidth  camera frame width
 * @param sourceHeight camera frame height
 * @param inputWidth   model input width, a multiple of 32
 * @param inputHeight  model input height, a multiple of 32
 * @param scale        source → input scale factor
 * @param resizedWidth  width of the scaled image inside the input
 * @param resizedHeight height of the scaled image inside the input
 * @param padLeft      grey columns left of the image
 * @param padTop       grey rows above the image
 */
public record Letterbox(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight, float scale,
        int resizedWidth, int resizedHeight, int padLeft, int padTop) {

    public static final int STRIDE = 32;

    /** Rounds a size up to the next multiple of the stride (720 → 736, 1080 → 1088, 640 → 640). */
    public static int roundUpToStride(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("Inference size must be positive, got " + size);
        }
        return (size + STRIDE - 1) / STRIDE * STRIDE;
    }

    /** Fits a source image into the camera's inference size (rounded up to the stride). */
    public static Letterbox fit(int sourceWidth, int sourceHeight, int inferenceWidth, int inferenceHeight) {
        if (sourceWidth <= 0 || sourceHeight <= 0) {
            throw new IllegalArgumentException("Empty source image " + sourceWidth + "x" + sourceHeight);
        }
        int w = roundUpToStride(inferenceWidth);
        int h = roundUpToStride(inferenceHeight);
        float scale = Math.min((float) w / sourceWidth, (float) h / sourceHeight);
        int rw = Math.min(w, Math.round(sourceWidth * scale));
        int rh = Math.min(h, Math.round(sourceHeight * scale));
        // Same split as Ultralytics: the odd pixel of padding goes to the bottom/right.
        float dw = (w - rw) / 2f;
        float dh = (h - rh) / 2f;
        int left = Math.round(dw - 0.1f);
        int top = Math.round(dh - 0.1f);
        return new Letterbox(sourceWidth, sourceHeight, w, h, scale, rw, rh, left, top);
    }

    /**
     * Fits a source image into the camera's inference size, then trims the padding to what the
     * stride needs (Ultralytics' {@code auto=True}): 1920×1080 into 640×640 gives a 640×384
     * input. Only for models whose input height and width are dynamic.
     */
    public static Letterbox fitTight(int sourceWidth, int sourceHeight, int inferenceWidth, int inferenceHeight) {
        Letterbox bound = fit(sourceWidth, sourceHeight, inferenceWidth, inferenceHeight);
        return fit(sourceWidth, sourceHeight, Math.min(bound.inputWidth(), roundUpToStride(bound.resizedWidth())),
                Math.min(bound.inputHeight(), roundUpToStride(bound.resizedHeight())));
    }

    public int padRight() {
        return inputWidth - resizedWidth - padLeft;
    }

    public int padBottom() {
        return inputHeight - resizedHeight - padTop;
    }

    /** Maps a box from model-input pixels back to source pixels, clipped to the source image. */
    public BoundingBox toSource(BoundingBox inInput) {
        return new BoundingBox((inInput.x1() - padLeft) / scale, (inInput.y1() - padTop) / scale,
                (inInput.x2() - padLeft) / scale, (inInput.y2() - padTop) / scale)
                .clip(sourceWidth, sourceHeight);
    }

    /** Maps a box from source pixels into model-input pixels (the inverse of {@link #toSource}). */
    public BoundingBox toInput(BoundingBox inSource) {
        return new BoundingBox(inSource.x1() * scale + padLeft, inSource.y1() * scale + padTop,
                inSource.x2() * scale + padLeft, inSource.y2() * scale + padTop);
    }
}
