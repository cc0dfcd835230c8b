package io.hardhats.vision;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import io.hardhats.config.HardhatsProperties;
import io.hardhats.config.RunsWorker;

/**
 * The process's one detector and the engine behind it. Only processes that run the worker get
 * it, and the engine lazily: loading a model costs seconds and hundreds of MB. Another engine
 * replaces the {@code detector} bean here and nothing else.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RunsWorker.class)
public class VisionConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    OnnxDetector detector(HardhatsProperties properties) {
        return OnnxDetector.open(properties.modelPath(), InferenceThreads.perCore(properties.effectiveInferenceThreads()));
    }

    @Bean
    DetectorSupply detectorSupply(HardhatsProperties properties, ObjectProvider<Detector> detector) {
        return new DetectorSupply(properties.modelPath(), detector::getObject);
    }
}
