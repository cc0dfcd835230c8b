package io.hardhats.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * The reusable memory of one preprocessing pass at one input size: the intermediate OpenCV images
 * and the direct, native-order float buffer ONNX Runtime reads without copying. Allocating these
 * per frame would churn tens of MB of native memory per second per camera, so the detector keeps
 * a pool of them by size; one workspace serves one call at a time.
 */
final class InputWorkspace implements AutoCloseable {

    final int width;
    final int height;
    final Mat resized = new Mat();
    final Mat padded = new Mat();
    final Mat floats = new Mat();
    /** CHW planes R, G, B: what the model reads. */
    final FloatBuffer input;
    /** OpenCV headers over the three planes of {@link #input}, in BGR order for {@code split}. */
    final MatVector bgrPlanes;
    private final Mat[] planes = new Mat[3];

    InputWorkspace(int width, int height) {
        this.width = width;
        this.height = height;
        int plane = width * height;
        this.input = ByteBuffer.allocateDirect(3 * plane * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int c = 0; c < 3; c++) {
            FloatBuffer slice = input.duplicate().position(c * plane).limit((c + 1) * plane).slice();
            planes[c] = new Mat(height, width, CV_32FC1, new FloatPointer(slice));
        }
        // split() writes channel k of the BGR image into the k-th Mat; pointing B at plane 2 and
        // R at plane 0 makes the BGR→RGB swap free.
        this.bgrPlanes = new MatVector(planes[2], planes[1], planes[0]);
    }

    @Override
    public void close() {
        bgrPlanes.close();
        for (Mat m : planes) {
            m.close();
        }
        resized.close();
        padded.close();
        floats.close();
    }
}
