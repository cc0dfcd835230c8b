package io.hardhats.ingest;

/**
 * Reads one camera until stopped: connects, reconnects with backoff, falls back to the
 * placeholder video, and hands frames at the analysis rate to a {@link FrameListener}.
 */
public interface CameraIngest extends AutoCloseable {

    /** Stops reading and returns once the camera's thread has ended and native memory is freed. */
    @Override
    void close();
}
