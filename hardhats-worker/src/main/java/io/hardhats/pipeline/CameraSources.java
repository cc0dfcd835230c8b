package io.hardhats.pipeline;

import java.nio.file.Path;

import io.hardhats.cameras.CameraUrls;
import io.hardhats.cameras.SourceType;
import io.hardhats.cameras.CameraConfig;
import io.hardhats.ingest.CameraSource;
import io.hardhats.publish.FrameAnnotator;
import org.springframework.stereotype.Component;

/**
 * Turns a camera's stored configuration into what the ingest opens; {@link CameraUrls} puts the
 * decrypted credentials back into the URL, just before connecting. Frames are decoded no wider
 * than the live view or the camera's inference width needs, whichever is larger: a 1080p frame
 * scaled to 1280 while converting costs a third less memory and CPU downstream, and the detector
 * would scale it below that anyway.
 */
@Component
public record CameraSources(CameraUrls urls, PlaceholderVideos placeholders) {

    public CameraSource from(CameraConfig camera) {
        int maxFrameWidth = Math.max(FrameAnnotator.MAX_WIDTH, camera.inferenceWidth());
        Path placeholder = camera.placeholderVideo() == null ? null
                : placeholders.localFile(camera.organizationId(), camera.placeholderVideo()).orElse(null);
        if (camera.sourceType() == SourceType.FILE) {
            return new CameraSource(camera.id(), SourceType.FILE, placeholder == null ? null : placeholder.toString(),
                    placeholder, true, camera.targetFps(), maxFrameWidth);
        }
        return new CameraSource(camera.id(), SourceType.RTSP,
                urls.withCredentials(camera.rtspUrl(), camera.credentialsEncrypted()), placeholder,
                camera.usePlaceholder(), camera.targetFps(), maxFrameWidth);
    }
}
