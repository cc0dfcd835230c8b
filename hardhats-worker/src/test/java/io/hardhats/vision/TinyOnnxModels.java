package io.hardhats.vision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes tiny, valid ONNX files for tests: the image input reshaped to a YOLOv8-layout output
 * {@code [1, 4+nc, N]}. The numbers are meaningless; the shapes are what a test can check, since
 * a wrongly sized input makes the Reshape fail. Encoded by hand (protobuf wire format) because
 * the ONNX protobuf classes are not a dependency of the product.
 */
final class TinyOnnxModels {

    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private TinyOnnxModels() {
    }

    /**
     * @param height input height, or 0 for a dynamic axis
     * @param width  input width, or 0 for a dynamic axis
     */
    static Path reshapeModel(Path file, int height, int width) throws IOException {
        int channels = 4 + 4; // cx, cy, w, h + four classes
        byte[] shapeData = ByteBuffer.allocate(3 * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(1).putLong(channels).putLong(-1).array();
        byte[] shapeTensor = message(
                varint(1, 3), varint(2, INT64), string(8, "shape"), bytes(9, shapeData));
        byte[] node = message(string(1, "images"), string(1, "shape"), string(2, "output0"),
                string(3, "reshape"), string(4, "Reshape"));
        byte[] graph = message(bytes(1, node), string(2, "tiny"), bytes(5, shapeTensor),
                bytes(11, valueInfo("images", dim(1), dim(3), dim(height), dim(width))),
                bytes(12, valueInfo("output0", dim(1), dim(channels), dim(0))));
        byte[] model = message(varint(1, 8), string(2, "hardhats-test"),
                bytes(7, graph), bytes(8, message(string(1, ""), varint(2, 17))),
                bytes(14, message(string(1, "names"),
                        string(2, "{0: 'helmet', 1: 'no_helmet', 2: 'no_vest', 3: 'vest'}"))));
        return Files.write(file, model);
    }

    private static byte[] valueInfo(String name, byte[]... dims) {
        byte[][] shapeDims = new byte[dims.length][];
        for (int i = 0; i < dims.length; i++) {
            shapeDims[i] = bytes(1, dims[i]);
        }
        byte[] tensorType = message(varint(1, FLOAT), bytes(2, message(shapeDims)));
        return message(string(1, name), bytes(2, message(bytes(1, tensorType))));
    }

    private static byte[] dim(int value) {
        return value > 0 ? message(varint(1, value)) : message(string(2, "d" + System.nanoTime()));
    }

    private static byte[] varint(int field, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) field << 3);
        writeVarint(out, value);
        return out.toByteArray();
    }

    private static byte[] string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int field, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, ((long) field << 3) | 2);
        writeVarint(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] message(byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : fields) {
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
