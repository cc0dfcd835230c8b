package io.hardhats.ingest;

import java.nio.file.Path;
import java.util.UUID;

import io.hardhats.cameras.SourceType;

/**
 * Where one camera's frames come from, as the worker needs it: the live URL with its
 * credentials already put back (never log it: use {@link #toString()}), the placeholder video
 * to fall back to, and the analysis rate.
 *
 * @param url              rtsp/rtsps URL with credentials, or a file path/URL for {@code file}
 * @param placeholderVideo a local video file, or null when the camera has none
 * @param forcePlaceholder play the placeholder instead of the live source
 * @param targetFps        analysed frames per second; the ingest keeps it within {@link io.hardhats.cameras.AnalysisRate}
 * @param maxFrameWidth    wider frames are scaled down to this width while decoded (0: never)
 */
public record CameraSource(UUID cameraId, SourceType type, String url, Path placeholderVideo,
        boolean forcePlaceholder, double targetFps, int maxFrameWidth) {

    @Override
    public String toString() {
        return "CameraSource[" + cameraId + ", " + type.wire() + "]";
    }
}
