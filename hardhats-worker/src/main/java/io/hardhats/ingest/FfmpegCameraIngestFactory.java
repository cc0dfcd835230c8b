package io.hardhats.ingest;

import io.hardhats.cameras.CameraHostGuard;
import io.hardhats.cameras.CameraStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Starts one FFmpeg reader thread per camera. Never throws: a broken source reports ERROR. */
@Component
public class FfmpegCameraIngestFactory implements CameraIngestFactory {

    private static final Logger log = LoggerFactory.getLogger(FfmpegCameraIngestFactory.class);

    private final IngestSettings settings;
    private final CameraHostGuard hosts;

    @Autowired
    public FfmpegCameraIngestFactory(CameraHostGuard hosts) {
        this(IngestSettings.defaults(), hosts);
    }

    public FfmpegCameraIngestFactory(IngestSettings settings, CameraHostGuard hosts) {
        this.settings = settings;
        this.hosts = hosts;
    }

    @Override
    public CameraIngest start(CameraSource source, FrameListener listener) {
        try {
            FfmpegCameraIngest ingest = new FfmpegCameraIngest(source, listener, settings, hosts);
            ingest.start();
            return ingest;
        } catch (RuntimeException | Error e) {
            log.error("Camera {} could not start: {}", source, CredentialRedactor.redact(e.getMessage()));
            if (listener != null) {
                try {
                    listener.onStatus(CameraStatus.ERROR,
                            "could not start reading: " + CredentialRedactor.redact(String.valueOf(e.getMessage())));
                } catch (RuntimeException ignored) {
                    // the listener's own failure changes nothing here
                }
            }
            return () -> { };
        }
    }
}
