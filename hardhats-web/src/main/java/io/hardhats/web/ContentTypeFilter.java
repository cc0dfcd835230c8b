package io.hardhats.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A body must say what it is: a {@code Content-Type} that is a wildcard ({@code *}{@code /*},
 * {@code application/*}) or not a media type at all is refused with 415 here, because Spring
 * MVC would fail on it with a server error while reading the body.
 */
@Component
// Inside Spring Security's filter chain, so its answers carry the security headers too.
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 5)
public class ContentTypeFilter extends OncePerRequestFilter {

    private final ErrorResponseWriter errors;

    public ContentTypeFilter(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && !type.isBlank() && !isConcrete(type)) {
            errors.write(response, 415, "unsupported_media_type",
                    "Content-Type must name one media type, such as application/json");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isConcrete(String type) {
        try {
            return MediaType.parseMediaType(type).isConcrete();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
