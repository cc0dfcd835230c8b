package io.hardhats.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

import io.hardhats.auth.SessionCookies;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery defence for cookie sessions (besides SameSite=Strict): a
 * state-changing request that carries the session cookie must be JSON or carry the
 * {@code X-Requested-With} header — neither of which a cross-site HTML form can produce.
 */
@Component
// Inside Spring Security's filter chain, so its answers carry the security headers too.
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20)
public class CrossSiteRequestGuard extends OncePerRequestFilter {

    public static final String HEADER = "X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || !hasSessionCookie(request) || isJson(request)
                || request.getHeader(HEADER) != null) {
            chain.doFilter(request, response);
            return;
        }
        throw ApiException.forbidden(
                "state-changing requests must be sent as application/json or with the " + HEADER + " header");
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> SessionCookies.NAME.equals(c.getName()));
    }

    private static boolean isJson(HttpServletRequest request) {
        return ContentTypeFilter.declared(request).map(MediaType.APPLICATION_JSON::includes).orElse(false);
    }
}
