package io.hardhats.auth;

import io.hardhats.web.ApiException;
import io.hardhats.web.ErrorResponseWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Stateless JWT-in-cookie authentication for the API, and the role matrix of the design
 * (section 5) in one place: path and method rules run before a body is read, so a role that
 * may not call an endpoint learns nothing from it (403, never a validation message).
 * Tenancy is applied by {@link TenantScopeFilter} once authenticated.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String ADMIN = "ADMIN";
    private static final String MANAGER = "MANAGER";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, SessionTokens tokens, SessionAuthenticationConverter converter,
            ErrorResponseWriter errors) throws Exception {
        http
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/logout")
                        .permitAll()
                        .requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/audit-logs", "/api/v1/audit-logs/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/organization", "/api/v1/organization/**")
                        .hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers("/api/v1/organization").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/cameras", "/api/v1/cameras/**").authenticated()
                        .requestMatchers("/api/v1/cameras", "/api/v1/cameras/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/events/**").hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/notification-channels").hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers("/api/v1/notification-channels", "/api/v1/notification-channels/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/api/v1/notification-deliveries", "/api/v1/notification-deliveries/**")
                        .hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resource -> resource
                        .bearerTokenResolver(new CookieTokenResolver())
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) ->
                                errors.write(response, ApiException.unauthorized(
                                        "sign in first: the session is missing, expired or was ended")))
                        .accessDeniedHandler((request, response, e) ->
                                errors.write(response, ApiException.forbidden("your role does not allow this"))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) ->
                                errors.write(response, ApiException.unauthorized("sign in first")))
                        .accessDeniedHandler((request, response, e) ->
                                errors.write(response, ApiException.forbidden("your role does not allow this"))))
                .addFilterAfter(new TenantScopeFilter(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }
}
