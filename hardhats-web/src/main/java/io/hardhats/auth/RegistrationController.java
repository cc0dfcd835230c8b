package io.hardhats.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import java.util.Map;

import io.hardhats.organizations.OrganizationFounder;
import io.hardhats.organizations.OrganizationViews;
import io.hardhats.users.UserView;
import io.hardhats.web.ClientAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signing up: a new organisation and its first admin, signed in at once. */
@RestController
@RequestMapping("/api/v1/auth")
public record RegistrationController(Registration registration, SessionCookies cookies, AuthRateLimiter rateLimiter,
        OrganizationViews organizationViews) {

    @PostMapping("/register")
    public ResponseEntity<Map<String, Object>> register(@Valid @RequestBody AuthRequests.Register request,
            HttpServletRequest http) {
        rateLimiter.check("register", ClientAddress.of(http), request.email());
        OrganizationFounder.Founded registered = registration.register(request);
        SessionCookies.Issued issued = cookies.issue(registered.admin());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.SET_COOKIE, issued.cookie().toString())
                .body(Map.of("user", UserView.of(registered.admin()),
                        "organization", organizationViews.of(registered.organization()),
                        "expires_at", issued.expiresAt()));
    }
}
