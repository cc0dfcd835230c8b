package io.hardhats.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The picture shown when a camera has published nothing for a while. */
final class NoSignalFrame {

    static final byte[] JPEG = load();

    private NoSignalFrame() {
    }

    private static byte[] load() {
        try (InputStream in = NoSignalFrame.class.getResourceAsStream("/stream/no-signal.jpg")) {
            if (in == null) {
                throw new IllegalStateException("stream/no-signal.jpg is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
