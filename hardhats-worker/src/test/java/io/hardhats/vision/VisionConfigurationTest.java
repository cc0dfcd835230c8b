package io.hardhats.vision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.hardhats.config.HardhatsProperties;

class VisionConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HardhatsProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, VisionConfiguration.class);

    @Test
    void webProcessesHaveNoDetector() {
        runner.withPropertyValues("hardhats.role=web")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(Detector.class).doesNotHaveBean(DetectorSupply.class));
    }

    @Test
    void withoutAModelTheProcessStartsWithDetectionOffAndNeverLoadsTheEngine() {
        runner.withPropertyValues("hardhats.role=all", "hardhats.model-path=/nonexistent/model.onnx")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DetectorSupply.class).detector()).isEmpty();
                    assertThat(context.getBeanFactory().containsSingleton("detector")).isFalse();
                });
    }

    @Test
    void workerProcessesLoadTheConfiguredModelOnFirstUse() {
        runner.withPropertyValues("hardhats.role=worker",
                "hardhats.model-path=" + SharedFiles.referenceModel(), "hardhats.inference-threads=1")
                .run(context -> {
                    assertThat(context.getBeanFactory().containsSingleton("detector")).isFalse();
                    Detector detector = context.getBean(DetectorSupply.class).detector().orElseThrow();
                    assertThat(detector).isInstanceOf(OnnxDetector.class);
                    assertThat(((OnnxDetector) detector).modelPath()).isEqualTo(SharedFiles.referenceModel());
                    assertThat(context.getBean(DetectorSupply.class).detector()).containsSame(detector);
                });
    }
}
