package io.hardhats.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Attempts allowed on the authentication endpoints: per client address and per (e-mail, address)
 * pair in each {@code window}, and per e-mail from all addresses together in each
 * {@code emailWindow}, a slower limit that only many addresses at once can reach.
 */
@ConfigurationProperties(prefix = "hardhats.rate-limit")
public record RateLimitProperties(int perIp, int perEmail, Duration window, int perEmailGlobal,
        Duration emailWindow) {

    public RateLimitProperties {
        perIp = perIp <= 0 ? 30 : perIp;
        perEmail = perEmail <= 0 ? 10 : perEmail;
        window = window == null ? Duration.ofMinutes(15) : window;
        perEmailGlobal = perEmailGlobal <= 0 ? 100 : perEmailGlobal;
        emailWindow = emailWindow == null ? Duration.ofHours(1) : emailWindow;
    }
}
