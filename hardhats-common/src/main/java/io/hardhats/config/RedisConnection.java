package io.hardhats.config;

import java.time.Duration;
import java.util.Optional;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The process's one Lettuce client when REDIS_URL is set (split deployment); empty in
 * all-in-one mode, where in-process adapters take Redis's place.
 */
@Component
public class RedisConnection implements DisposableBean {

    /** No request waits longer than this on Redis (Lettuce's own default is a minute). */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;

    public RedisConnection(HardhatsProperties properties) {
        this.client = properties.redisConfigured() ? create(properties.redisUrl()) : null;
    }

    /**
     * Commands issued while Redis is away fail at once instead of queueing without bound;
     * the connection comes back by itself (and pub/sub re-subscribes) when Redis does.
     */
    private static RedisClient create(String url) {
        RedisClient client = RedisClient.create(url);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        return client;
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
