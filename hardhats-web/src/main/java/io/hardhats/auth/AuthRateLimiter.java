package io.hardhats.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.hardhats.users.EmailAddresses;
import io.hardhats.web.ApiException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets for the authentication endpoints: one per (action, client address), one per
 * (action, e-mail, client address) and a slower one per (action, e-mail). A stranger guessing a
 * password exhausts their own pair, not the owner's; only many addresses together reach the
 * e-mail's own limit. Kept in Redis when the product has one, so every web instance counts
 * together; in memory otherwise. While Redis is unreachable each instance counts in memory, so
 * sign-in keeps working and stays limited.
 */
public class AuthRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(AuthRateLimiter.class);

    /** What a bucket counts; the key prefix tells the bucket's limit. */
    private enum Scope {
        IP, PAIR, EMAIL;

        String key(String action, String rest) {
            return action + ":" + name().toLowerCase(Locale.ROOT) + ":" + rest;
        }

        static Scope of(String key) {
            return valueOf(key.split(":")[1].toUpperCase(Locale.ROOT));
        }

        BucketConfiguration configuration(RateLimitProperties limits) {
            int capacity = switch (this) {
                case IP -> limits.perIp();
                case PAIR -> limits.perEmail();
                case EMAIL -> limits.perEmailGlobal();
            };
            Duration window = this == EMAIL ? limits.emailWindow() : limits.window();
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                    .build();
        }
    }

    private final Function<String, Bucket> buckets;
    private final Function<String, Bucket> fallback;

    private AuthRateLimiter(Function<String, Bucket> buckets, Function<String, Bucket> fallback) {
        this.buckets = buckets;
        this.fallback = fallback;
    }

    public static AuthRateLimiter inMemory(RateLimitProperties limits) {
        Function<String, Bucket> local = localBuckets(limits);
        return new AuthRateLimiter(local, local);
    }

    private static Function<String, Bucket> localBuckets(RateLimitProperties limits) {
        LoadingCache<String, Bucket> cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(limits.longestWindow().multipliedBy(2))
                .build(key -> Bucket.builder()
                        .addLimit(Scope.of(key).configuration(limits).getBandwidths()[0]).build());
        return cache::get;
    }

    public static AuthRateLimiter redis(RedisClient client, RateLimitProperties limits) {
        StatefulRedisConnection<String, byte[]> connection =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        LettuceBasedProxyManager<String> proxy = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(limits.longestWindow()))
                .build();
        return new AuthRateLimiter(
                key -> proxy.builder().build("hardhats:ratelimit:" + key, () -> Scope.of(key).configuration(limits)),
                localBuckets(limits));
    }

    /**
     * Counts one attempt; throws a 429 when the client address, the (e-mail, address) pair or the
     * e-mail as a whole is over its limit.
     */
    public void check(String action, String clientIp, String email) {
        consume(Scope.IP.key(action, String.valueOf(clientIp)));
        if (email != null && !email.isBlank()) {
            String digest = sha256(EmailAddresses.normalise(email));
            consume(Scope.PAIR.key(action, digest + ":" + clientIp));
            consume(Scope.EMAIL.key(action, digest));
        }
    }

    private void consume(String key) {
        ConsumptionProbe probe;
        try {
            probe = buckets.apply(key).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            log.warn("Rate limits counted locally while Redis is unavailable: {}", e.getClass().getSimpleName());
            probe = fallback.apply(key).tryConsumeAndReturnRemaining(1);
        }
        if (!probe.isConsumed()) {
            throw ApiException.tooManyRequests(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** E-mails are personal data: Redis keys carry a digest, not the address. */
    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
