package io.hardhats.publish;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** JPEG encoding with OpenCV, the one place frames and thumbnails become bytes. */
public final class Jpeg {

    private Jpeg() {
    }

    public static byte[] encode(Mat bgr, int quality) {
        try (BytePointer buffer = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
            if (!imencode(".jpg", bgr, buffer, params)) {
                throw new IllegalStateException("OpenCV could not encode a JPEG");
            }
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }

    /**
     * The JPEG with a comment segment (COM, right after SOI) saying when its frame was captured,
     * {@code hardhats-captured-at=<epoch ms>}: any viewer can tell how old a live frame is, and
     * the capacity benchmark measures capture-to-viewer latency with it. Decoders skip comments.
     */
    public static byte[] withCaptureTime(byte[] jpeg, Instant capturedAt) {
        byte[] text = ("hardhats-captured-at=" + capturedAt.toEpochMilli()).getBytes(StandardCharsets.US_ASCII);
        int length = text.length + 2;
        byte[] out = new byte[jpeg.length + 2 + length];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE;
        out[4] = (byte) (length >> 8);
        out[5] = (byte) length;
        System.arraycopy(text, 0, out, 6, text.length);
        System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
        return out;
    }
}
