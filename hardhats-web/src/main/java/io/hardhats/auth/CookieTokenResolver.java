package io.hardhats.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads the session JWT from the {@code session} cookie (an {@code <img>} MJPEG stream and
 * {@code EventSource} cannot send an Authorization header). Only API calls look at it: a stale
 * cookie must not stop anyone from loading the login page or logging in again.
 */
class CookieTokenResolver implements BearerTokenResolver {

    private static final Set<String> IGNORING = Set.of(
            "/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/logout");

    @Override
    public String resolve(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.startsWith("/api/") || IGNORING.contains(path) || path.startsWith("/api/docs")) {
            return null;
        }
        return read(request);
    }

    static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (SessionCookies.NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
