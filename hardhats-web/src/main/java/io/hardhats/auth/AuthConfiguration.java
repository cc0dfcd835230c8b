package io.hardhats.auth;

import io.hardhats.config.RedisConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean
    AuthRateLimiter authRateLimiter(RedisConnection redis, RateLimitProperties limits) {
        return redis.client()
                .map(client -> AuthRateLimiter.redis(client, limits))
                .orElseGet(() -> AuthRateLimiter.inMemory(limits));
    }
}
