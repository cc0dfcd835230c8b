package io.hardhats.ratelimit;

import java.time.Duration;
import java.util.function.BiFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.hardhats.web.ApiException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's one rate-limit store: a token bucket per key, with the limit its caller names.
 * Kept in Redis when the product has one, so every web instance counts together; in memory
 * otherwise. While Redis is unreachable each instance counts in memory, so limited actions keep
 * working and stay limited.
 */
public class RateBuckets {

    private static final Logger log = LoggerFactory.getLogger(RateBuckets.class);
    private static final int LOCAL_KEYS = 100_000;
    /** A bucket that has refilled is the same as a new one, so Redis may forget it soon after. */
    private static final Duration KEPT_AFTER_REFILL = Duration.ofMinutes(1);

    /** At most {@code capacity} attempts, refilled evenly over {@code window}. */
    public record Limit(int capacity, Duration window) {

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                    .build();
        }
    }

    private final BiFunction<String, Limit, Bucket> buckets;
    private final BiFunction<String, Limit, Bucket> fallback;

    private RateBuckets(BiFunction<String, Limit, Bucket> buckets, BiFunction<String, Limit, Bucket> fallback) {
        this.buckets = buckets;
        this.fallback = fallback;
    }

    public static RateBuckets inMemory() {
        BiFunction<String, Limit, Bucket> local = localBuckets();
        return new RateBuckets(local, local);
    }

    public static RateBuckets redis(RedisClient client) {
        StatefulRedisConnection<String, byte[]> connection =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        LettuceBasedProxyManager<String> proxy = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL))
                .build();
        return new RateBuckets((key, limit) -> proxy.builder().build("hardhats:ratelimit:" + key, limit::configuration),
                localBuckets());
    }

    /** A bucket unused for twice its window is full again: forgetting it changes nothing. */
    private record LocalBucket(Bucket bucket, Duration window) {
    }

    private static BiFunction<String, Limit, Bucket> localBuckets() {
        Cache<String, LocalBucket> cache = Caffeine.newBuilder()
                .maximumSize(LOCAL_KEYS)
                .expireAfter(Expiry.accessing((String key, LocalBucket held) -> held.window().multipliedBy(2)))
                .build();
        return (key, limit) -> cache.get(key, absent -> new LocalBucket(
                Bucket.builder().addLimit(limit.configuration().getBandwidths()[0]).build(), limit.window())).bucket();
    }

    /** Counts one attempt on {@code key}; throws a 429 when its bucket is empty. */
    public void consume(String key, Limit limit) {
        ConsumptionProbe probe;
        try {
            probe = buckets.apply(key, limit).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            log.warn("Rate limits counted locally while Redis is unavailable: {}", e.getClass().getSimpleName());
            probe = fallback.apply(key, limit).tryConsumeAndReturnRemaining(1);
        }
        if (!probe.isConsumed()) {
            throw ApiException.tooManyRequests(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
