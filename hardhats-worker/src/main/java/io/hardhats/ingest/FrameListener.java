package io.hardhats.ingest;

import java.time.Instant;

import io.hardhats.cameras.CameraStatus;
import org.bytedeco.opencv.opencv_core.Mat;

/** What a running camera ingest reports to the camera pipeline. */
public interface FrameListener {

    /**
     * A frame due for analysis, BGR, owned by the listener for the duration of the call only
     * (the ingest reuses it afterwards). Called on the camera's own thread, at most
     * {@code targetFps} times a second.
     *
     * @param placeholder true when the frame comes from the placeholder video (draw "DEMO MODE")
     */
    void onFrame(Mat bgr, Instant capturedAt, boolean placeholder);

    /** The camera's state changed; {@code errorMessage} never contains credentials. */
    void onStatus(CameraStatus status, String errorMessage);

    /**
     * A connection to the camera's live source opened; the packets that follow belong to this
     * format. Placeholder videos report nothing here.
     */
    default void onStreamOpened(StreamFormat format) {
    }

    /**
     * Whether {@link #onPacket} would keep packets now: copying each one out of FFmpeg (every
     * packet of every camera, at the camera's full frame rate) is skipped when it would not.
     */
    default boolean wantsPackets() {
        return false;
    }

    /** Every video packet of the live source, as received, before it is decoded, while {@link #wantsPackets}. */
    default void onPacket(CompressedPacket packet) {
    }
}
