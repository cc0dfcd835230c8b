package io.hardhats.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
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

    private static final String PARSED = ContentTypeFilter.class.getName() + ".parsed";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && !type.isBlank() && !declared(request).map(MediaType::isConcrete).orElse(false)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Content-Type must name one media type, such as application/json");
        }
        chain.doFilter(request, response);
    }

    /** The request's Content-Type, parsed once per request; empty when absent or not a media type. */
    static Optional<MediaType> declared(HttpServletRequest request) {
        if (request.getAttribute(PARSED) instanceof MediaType known) {
            return Optional.of(known);
        }
        String type = request.getContentType();
        if (type == null || type.isBlank()) {
            return Optional.empty();
        }
        try {
            MediaType parsed = MediaType.parseMediaType(type);
            request.setAttribute(PARSED, parsed);
            return Optional.of(parsed);
        } catch (InvalidMediaTypeException e) {
            return Optional.empty();
        }
    }
}
