package io.hardhats.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.hardhats.ratelimit.RateBuckets;
import io.hardhats.users.EmailAddresses;
import org.springframework.stereotype.Component;

/**
 * Limits on the authentication endpoints: one per (action, client address), one per
 * (action, e-mail, client address) and a slower one per (action, e-mail). A stranger guessing a
 * password exhausts their own pair, not the owner's; only many addresses together reach the
 * e-mail's own limit.
 */
@Component
public class AuthRateLimiter {

    /** What a bucket counts, each with its own limit. */
    private enum Scope {
        IP, PAIR, EMAIL;

        String key(String action, String rest) {
            return action + ":" + name().toLowerCase(Locale.ROOT) + ":" + rest;
        }

        RateBuckets.Limit limit(RateLimitProperties limits) {
            return switch (this) {
                case IP -> new RateBuckets.Limit(limits.perIp(), limits.window());
                case PAIR -> new RateBuckets.Limit(limits.perEmail(), limits.window());
                case EMAIL -> new RateBuckets.Limit(limits.perEmailGlobal(), limits.emailWindow());
            };
        }
    }

    private final RateBuckets buckets;
    private final RateLimitProperties limits;

    AuthRateLimiter(RateBuckets buckets, RateLimitProperties limits) {
        this.buckets = buckets;
        this.limits = limits;
    }

    /**
     * Counts one attempt; throws a 429 when the client address, the (e-mail, address) pair or the
     * e-mail as a whole is over its limit.
     */
    public void check(String action, String clientIp, String email) {
        consume(Scope.IP, action, String.valueOf(clientIp));
        if (email != null && !email.isBlank()) {
            String digest = sha256(EmailAddresses.normalise(email));
            consume(Scope.PAIR, action, digest + ":" + clientIp);
            consume(Scope.EMAIL, action, digest);
        }
    }

    private void consume(Scope scope, String action, String rest) {
        buckets.consume(scope.key(action, rest), scope.limit(limits));
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
