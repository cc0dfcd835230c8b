package io.hardhats.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HardhatsProperties.class)
public class CommonConfiguration {

    @Bean
    SecretKeys secretKeys(HardhatsProperties properties) {
        return SecretKeysLoader.load(properties);
    }
}
