package io.hardhats.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a web instance trusts what it last read about a session (its token not revoked, its
 * user's role and state) before reading it again; 0 reads it on every request. Changes made
 * through this instance apply at once; those made through another instance within this time.
 */
@ConfigurationProperties(prefix = "hardhats.session-cache")
public record SessionCacheProperties(Duration ttl, int maximumSize) {

    public SessionCacheProperties {
        ttl = ttl == null || ttl.isNegative() ? Duration.ofSeconds(5) : ttl;
        maximumSize = maximumSize <= 0 ? 100_000 : maximumSize;
    }
}
