package io.hardhats.pipeline;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.hardhats.cameras.AnalysisRate;
import io.hardhats.cameras.CameraConfig;
import io.hardhats.cameras.CameraConfigReader;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.clips.ClipRings;
import io.hardhats.fleet.CameraAssignments;
import io.hardhats.ingest.CameraIngest;
import io.hardhats.ingest.CameraIngestFactory;
import io.hardhats.vision.DetectorSupply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cameras this worker runs, as the fleet assigns them. {@link #stop} returns only after
 * the camera's thread has ended, because the fleet releases the lease right after.
 */
public class CameraPipelines implements CameraAssignments {

    private static final Logger log = LoggerFactory.getLogger(CameraPipelines.class);

    private record Running(CameraPipeline pipeline, CameraIngest ingest) {
    }

    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private final CameraConfigReader configs;
    private final CameraSources sources;
    private final CameraIngestFactory ingests;
    private final DetectorSupply detectors;
    private final LiveOutput live;
    private final EventRecorder recorder;
    private final CameraStatusReporter status;
    private final JsonMapper json;
    private final ClipRings clips;

    CameraPipelines(CameraConfigReader configs, CameraSources sources, CameraIngestFactory ingests,
            DetectorSupply detectors, LiveOutput live, EventRecorder recorder, CameraStatusReporter status,
            JsonMapper json, ClipRings clips) {
        this.configs = configs;
        this.sources = sources;
        this.ingests = ingests;
        this.detectors = detectors;
        this.live = live;
        this.recorder = recorder;
        this.status = status;
        this.json = json;
        this.clips = clips;
    }

    @Override
    public void start(UUID cameraId) {
        CameraConfig camera = configs.read(cameraId).orElse(null);
        if (camera == null || !camera.active()) {
            return;
        }
        try {
            CameraPipeline pipeline = new CameraPipeline(camera, detectors.detector(), live, recorder, status, json,
                    clips.open(cameraId, AnalysisRate.FPS.nearest(camera.targetFps())));
            pipeline.onStatus(CameraStatus.CONNECTING, null);
            CameraIngest ingest = ingests.start(sources.from(camera), pipeline);
            running.put(cameraId, new Running(pipeline, ingest));
            live.viewers().follow(cameraId);
            log.info("Camera {} started", cameraId);
        } catch (RuntimeException e) {
            log.warn("Camera {} could not start: {}", cameraId, e.toString());
            status.report(camera.organizationId(), cameraId, CameraStatus.ERROR, "could not start: " + e.getMessage(),
                    false);
        }
    }

    @Override
    public void restart(UUID cameraId) {
        stop(cameraId);
        start(cameraId);
    }

    /** Hands edited detection settings to the running pipeline; the stream stays connected. */
    @Override
    public void reconfigure(UUID cameraId) {
        Running current = running.get(cameraId);
        CameraConfig camera = configs.read(cameraId).orElse(null);
        if (current == null || camera == null || !camera.active()) {
            restart(cameraId);
            return;
        }
        current.pipeline().reconfigure(camera);
        log.info("Camera {}: detection settings changed, applied without reconnecting", cameraId);
    }

    @Override
    public void stop(UUID cameraId) {
        Running camera = running.remove(cameraId);
        if (camera == null) {
            return;
        }
        live.viewers().forget(cameraId);
        camera.ingest().close();
        camera.pipeline().flush();
        clips.close(cameraId);
        log.info("Camera {} stopped", cameraId);
    }

    /** The ingest running the camera, if any (diagnostics and tests). */
    Optional<CameraIngest> ingestOf(UUID cameraId) {
        return Optional.ofNullable(running.get(cameraId)).map(Running::ingest);
    }

    @Override
    public void stopAll(Collection<UUID> cameraIds) {
        SideBySide.forEach(cameraIds, "camera-stop", this::stop);
    }
}
