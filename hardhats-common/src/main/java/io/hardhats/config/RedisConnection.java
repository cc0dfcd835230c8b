package io.hardhats.config;

import java.util.Optional;

import io.lettuce.core.RedisClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The process's one Lettuce client when REDIS_URL is set (split deployment); empty in
 * all-in-one mode, where in-process adapters take Redis's place.
 */
@Component
public class RedisConnection implements DisposableBean {

    private final RedisClient client;

    public RedisConnection(HardhatsProperties properties) {
        this.client = properties.redisConfigured() ? RedisClient.create(properties.redisUrl()) : null;
    }

    public Optional<RedisClient> client() {
        return Optional.ofNullable(client);
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.shutdown();
        }
    }
}
