package io.hardhats.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The picture shown in place of a camera's frames while it has none to show, and what the
 * snapshot's {@code X-Frame-Status} calls that state. A camera that has never delivered a frame
 * (saved moments ago, or still connecting) is waiting for it, not out of signal.
 */
enum StandInFrame {

    WAITING("waiting", "/stream/waiting.jpg"),
    NO_SIGNAL("no-signal", "/stream/no-signal.jpg");

    private final String status;
    private final byte[] jpeg;

    StandInFrame(String status, String resource) {
        this.status = status;
        this.jpeg = load(resource);
    }

    /** @param delivered the camera has delivered a frame before */
    static StandInFrame of(boolean delivered) {
        return delivered ? NO_SIGNAL : WAITING;
    }

    String status() {
        return status;
    }

    byte[] jpeg() {
        return jpeg;
    }

    private static byte[] load(String resource) {
        try (InputStream in = StandInFrame.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
