package io.hardhats.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)

public class CommonConfiguration {

    @Bean
    SecretKeys secretKeys(HardhatsProperties properties) {
        return SecretKeysLoader.load(properties);
    }
}
