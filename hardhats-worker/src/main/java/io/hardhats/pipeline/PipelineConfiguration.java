package io.hardhats.pipeline;

import io.hardhats.bus.LiveBus;
import io.hardhats.config.RunsWorker;
import io.hardhats.fleet.CameraConfigReader;
import io.hardhats.ingest.CameraIngestFactory;
import io.hardhats.publish.FrameAnnotator;
import io.hardhats.vision.OnnxDetector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@Conditional(RunsWorker.class)
public class PipelineConfiguration {

    static final int LIVE_JPEG_QUALITY = 75;

    @Bean
    FrameAnnotator frameAnnotator() {
        return new FrameAnnotator(LIVE_JPEG_QUALITY);
    }

    @Bean
    CameraPipelines cameraPipelines(CameraConfigReader configs, CameraSources sources, CameraIngestFactory ingests,
            ObjectProvider<OnnxDetector> detector, FrameAnnotator annotator, EventRecorder recorder,
            CameraStatusReporter status, LiveBus bus, JsonMapper json) {
        return new CameraPipelines(configs, sources, ingests, detector, annotator, recorder, status, bus, json);
    }
}
