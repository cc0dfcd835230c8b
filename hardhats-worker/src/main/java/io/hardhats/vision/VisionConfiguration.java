package io.hardhats.vision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import io.hardhats.config.HardhatsProperties;
import io.hardhats.config.RunsWorker;

/**
 * The process's one detector. Only processes that run the worker get it, and lazily: loading a
 * model costs seconds and hundreds of MB, and an all-in-one run without a model yet must still
 * start (the first camera that needs detection then reports the missing model).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RunsWorker.class)
public class VisionConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    OnnxDetector onnxDetector(HardhatsProperties properties) {
        return OnnxDetector.open(properties.modelPath(), InferenceThreads.perCore(properties.effectiveInferenceThreads()));
    }
}
