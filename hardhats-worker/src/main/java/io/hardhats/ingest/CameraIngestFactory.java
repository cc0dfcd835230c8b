package io.hardhats.ingest;

/** Starts ingests; one implementation reads with FFmpeg (JavaCV). */
public interface CameraIngestFactory {

    CameraIngest start(CameraSource source, FrameListener listener);
}
