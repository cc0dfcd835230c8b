package io.hardhats.auth;

import java.time.Duration;

import io.hardhats.config.HardhatsProperties;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/** The {@code session} cookie: HttpOnly, SameSite=Strict, Secure unless COOKIE_SECURE=false. */
@Component
public class SessionCookies {

    public static final String NAME = "session";

    private final HardhatsProperties properties;

    public SessionCookies(HardhatsProperties properties) {
        this.properties = properties;
    }

    public ResponseCookie issue(String token) {
        return base(token).maxAge(Duration.ofMinutes(properties.jwtExpireMinutes())).build();
    }

    public ResponseCookie clear() {
        return base("").maxAge(Duration.ZERO).build();
    }

    private ResponseCookie.ResponseCookieBuilder base(String value) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(properties.secureCookies())
                .sameSite("Strict")
                .path("/");
    }
}
