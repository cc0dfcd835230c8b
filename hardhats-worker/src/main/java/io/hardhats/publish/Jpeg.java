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

    private static final int SOI_LENGTH = 2;

    private Jpeg() {
    }

    public static byte[] encode(Mat bgr, int quality) {
        return encode(bgr, quality, new byte[0]);
    }

    /**
     * A live frame: the JPEG with a comment segment (COM, right after SOI) saying when its frame
     * was captured, {@code hardhats-captured-at=<epoch ms>}, so any viewer can tell how old it is
     * (the capacity benchmark measures capture-to-viewer latency with it). Decoders skip comments.
     */
    public static byte[] encodeCapturedAt(Mat bgr, int quality, Instant capturedAt) {
        byte[] text = ("hardhats-captured-at=" + capturedAt.toEpochMilli()).getBytes(StandardCharsets.US_ASCII);
        int length = text.length + 2;
        byte[] segment = new byte[2 + length];
        segment[0] = (byte) 0xFF;
        segment[1] = (byte) 0xFE;
        segment[2] = (byte) (length >> 8);
        segment[3] = (byte) length;
        System.arraycopy(text, 0, segment, 4, text.length);
        return encode(bgr, quality, segment);
    }

    /** Encodes and copies the native buffer out once, with {@code segment} inserted after SOI. */
    private static byte[] encode(Mat bgr, int quality, byte[] segment) {
        try (BytePointer buffer = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
            if (!imencode(".jpg", bgr, buffer, params)) {
                throw new IllegalStateException("OpenCV could not encode a JPEG");
            }
            int encoded = (int) buffer.limit();
            byte[] bytes = new byte[encoded + segment.length];
            buffer.position(0).get(bytes, 0, SOI_LENGTH);
            System.arraycopy(segment, 0, bytes, SOI_LENGTH, segment.length);
            buffer.position(SOI_LENGTH).get(bytes, SOI_LENGTH + segment.length, encoded - SOI_LENGTH);
            return bytes;
        }
    }
}
