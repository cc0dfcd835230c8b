package io.hardhats.vision;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.hardhats.config.HardhatsProperties;

/**
 * The process's one detector. Only processes that run the worker get it, and lazily: loading a
 * model costs seconds and hundreds of MB, and an all-in-one run without a model yet must still
 * start (the first camera that needs detection then reports the missing model).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(VisionConfiguration.RunsWorker.class)
public class VisionConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    OnnxDetector onnxDetector(HardhatsProperties properties) {
        return OnnxDetector.open(properties.modelPath(), properties.effectiveInferenceThreads());
    }

    /** True unless {@code hardhats.role} is {@code web}. */
    static class RunsWorker implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("hardhats.role", HardhatsProperties.Role.class)
                    .map(HardhatsProperties.Role::runsWorker)
                    .orElse(true);
        }
    }
}
