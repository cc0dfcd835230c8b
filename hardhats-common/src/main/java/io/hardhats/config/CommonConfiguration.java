package io.hardhats.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)

public class CommonConfiguration {

    /** The product's one clock, so tests can move time (retries, storm windows, active hours). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecretKeys secretKeys(HardhatsProperties properties) {
        return SecretKeysLoader.load(properties);
    }
}
