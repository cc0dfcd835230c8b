package io.hardhats.auth;

import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.hardhats.config.HardhatsProperties;
import io.hardhats.users.User;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The {@code session} cookie: HttpOnly, SameSite=Strict, Secure unless COOKIE_SECURE=false. It
 * carries a {@link SessionTokens} token, so issuing one always issues the other.
 */
@Component
public record SessionCookies(SessionTokens tokens, HardhatsProperties properties) {

    public static final String NAME = "session";

    /** A cookie carrying a fresh session token, and when that token expires. */
    public record Issued(ResponseCookie cookie, Instant expiresAt) {
    }

    /** The cookie of a new sign-in. */
    public Issued issue(User user) {
        return carrying(tokens.issue(user));
    }

    /** The cookie continuing the sign-in {@code sessionId} (a refresh). */
    public Issued issue(User user, String sessionId) {
        return carrying(tokens.issue(user, sessionId));
    }

    /** The still-valid token the request's cookie carries, if any. */
    public Optional<Jwt> read(HttpServletRequest request) {
        String token = CookieTokenResolver.read(request);
        return token == null ? Optional.empty() : tokens.read(token);
    }

    public ResponseCookie clear() {
        return base("").maxAge(Duration.ZERO).build();
    }

    private Issued carrying(SessionTokens.Issued issued) {
        ResponseCookie cookie = base(issued.token()).maxAge(Duration.ofMinutes(properties.jwtExpireMinutes())).build();
        return new Issued(cookie, issued.expiresAt());
    }

    private ResponseCookie.ResponseCookieBuilder base(String value) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(properties.secureCookies())
                .sameSite("Strict")
                .path("/");
    }
}
