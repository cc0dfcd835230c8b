package io.hardhats.pipeline;

import io.hardhats.bus.LiveBus;
import io.hardhats.cameras.CameraConfigReader;
import io.hardhats.clips.ClipRings;
import io.hardhats.config.RunsWorker;
import io.hardhats.ingest.CameraIngestFactory;
import io.hardhats.publish.FrameAnnotator;
import io.hardhats.publish.ViewerDemand;
import io.hardhats.vision.DetectorSupply;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@Conditional(RunsWorker.class)
@EnableConfigurationProperties(PipelineConfiguration.LiveFrames.class)
public class PipelineConfiguration {

    /** {@code hardhats.live.jpeg-quality} (env LIVE_JPEG_QUALITY): 75 keeps a 720p frame near 60 kB. */
    @ConfigurationProperties(prefix = "hardhats.live")
    public record LiveFrames(Integer jpegQuality) {
        public LiveFrames {
            jpegQuality = jpegQuality == null ? 75 : Math.max(30, Math.min(95, jpegQuality));
        }
    }

    @Bean
    FrameAnnotator frameAnnotator(LiveFrames live) {
        return new FrameAnnotator(live.jpegQuality());
    }

    @Bean
    ViewerDemand viewerDemand(LiveBus bus) {
        return new ViewerDemand(bus);
    }

    @Bean
    CameraPipelines cameraPipelines(CameraConfigReader configs, CameraSources sources, CameraIngestFactory ingests,
            DetectorSupply detectors, FrameAnnotator annotator, ViewerDemand viewers, LiveBus bus,
            EventRecorder recorder, CameraStatusReporter status, JsonMapper json, ClipRings clips) {
        return new CameraPipelines(configs, sources, ingests, detectors, new LiveOutput(annotator, viewers, bus),
                recorder, status, json, clips);
    }
}
