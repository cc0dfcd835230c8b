package io.hardhats.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Attempts allowed on the authentication endpoints per window, per client IP and per e-mail. */
@ConfigurationProperties(prefix = "hardhats.rate-limit")
public record RateLimitProperties(int perIp, int perEmail, Duration window) {

    public RateLimitProperties {
        perIp = perIp <= 0 ? 30 : perIp;
        perEmail = perEmail <= 0 ? 10 : perEmail;
        window = window == null ? Duration.ofMinutes(15) : window;
    }
}
