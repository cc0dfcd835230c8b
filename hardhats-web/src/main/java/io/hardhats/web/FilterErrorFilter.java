package io.hardhats.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Filters run before Spring MVC's exception handling, so this one, in front of them all, answers
 * what fails in them in the one error shape: a request a filter refused ({@link ApiException}),
 * and a database outage (the session check reads the database inside Spring Security's filters),
 * which would otherwise reach the servlet container as a 500.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10)
public class FilterErrorFilter extends OncePerRequestFilter {

    private final ErrorResponseWriter errors;

    public FilterErrorFilter(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ApiException refused) {
            errors.write(response, refused);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            errors.write(response, DatabaseOutage.error());
        }
    }
}
