package io.hardhats.bus;

import java.time.Duration;

import io.hardhats.config.RedisConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class BusConfiguration {

    /** Long enough for a camera analysed every 4 s; short enough that a stopped camera's picture goes stale. */
    static final Duration LATEST_FRAME_TTL = Duration.ofSeconds(30);

    @Bean
    LiveBus liveBus(RedisConnection redis) {
        return redis.client()
                .<LiveBus>map(client -> new RedisLiveBus(client, LATEST_FRAME_TTL))
                .orElseGet(() -> new InProcessLiveBus(LATEST_FRAME_TTL));
    }
}
