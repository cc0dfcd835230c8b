package io.hardhats.ratelimit;

import io.hardhats.config.RedisConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateBuckets rateBuckets(RedisConnection redis) {
        return redis.client().map(RateBuckets::redis).orElseGet(RateBuckets::inMemory);
    }
}
