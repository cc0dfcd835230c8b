package io.hardhats.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.hardhats.organizations.OrganizationRepository;
import io.hardhats.organizations.OrganizationViews;
import io.hardhats.session.SessionPrincipal;
import io.hardhats.users.User;
import io.hardhats.users.UserRepository;
import io.hardhats.users.UserView;
import io.hardhats.web.ApiException;
import io.hardhats.web.ClientAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    public record Me(UUID id, String email, String fullName, String role, Organization organization) {
        public record Organization(UUID id, String name, String slug, String plan) {
        }
    }

    public record Session(UserView user, Instant expiresAt) {
    }

    private final AuthService auth;
    private final SessionTokens tokens;
    private final SessionCookies cookies;
    private final AuthRateLimiter rateLimiter;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final OrganizationViews organizationViews;

    public AuthController(AuthService auth, SessionTokens tokens, SessionCookies cookies, AuthRateLimiter rateLimiter,
            UserRepository users, OrganizationRepository organizations, OrganizationViews organizationViews) {
        this.auth = auth;
        this.tokens = tokens;
        this.cookies = cookies;
        this.rateLimiter = rateLimiter;
        this.users = users;
        this.organizations = organizations;
        this.organizationViews = organizationViews;
    }

    @PostMapping("/register")
    public ResponseEntity<Map<String, Object>> register(@Valid @RequestBody AuthRequests.Register request,
            HttpServletRequest http) {
        rateLimiter.check("register", ClientAddress.of(http), request.email());
        AuthService.Registered registered = auth.register(request);
        SessionTokens.Issued issued = tokens.issue(registered.user());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.SET_COOKIE, cookies.issue(issued.token()).toString())
                .body(Map.of("user", UserView.of(registered.user()),
                        "organization", organizationViews.of(registered.organization()),
                        "expires_at", issued.expiresAt()));
    }

    @PostMapping("/login")
    public ResponseEntity<Session> login(@Valid @RequestBody AuthRequests.Login request, HttpServletRequest http) {
        rateLimiter.check("login", ClientAddress.of(http), request.email());
        User user = auth.login(request);
        SessionTokens.Issued issued = tokens.issue(user);
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookies.issue(issued.token()).toString())
                .body(new Session(UserView.of(user), issued.expiresAt()));
    }

    /** Always clears the cookie; a still-valid token is also revoked until it would expire. */
    @PostMapping("/logout")
    public ResponseEntity<Void> logout(HttpServletRequest http) {
        String token = CookieTokenResolver.read(http);
        if (token != null) {
            tokens.read(token).ifPresent(auth::logout);
        }
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookies.clear().toString()).build();
    }

    @PostMapping("/refresh")
    public ResponseEntity<Session> refresh(@AuthenticationPrincipal SessionPrincipal principal,
            HttpServletRequest http) {
        rateLimiter.check("refresh", ClientAddress.of(http), null);
        User user = auth.refresh(principal);
        SessionTokens.Issued issued = tokens.issue(user, principal.sessionId());
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookies.issue(issued.token()).toString())
                .body(new Session(UserView.of(user), issued.expiresAt()));
    }

    @PostMapping("/change-password")
    public ResponseEntity<Void> changePassword(@AuthenticationPrincipal SessionPrincipal principal,
            @Valid @RequestBody AuthRequests.ChangePassword request, HttpServletRequest http) {
        User user = currentUser(principal);
        rateLimiter.check("change-password", ClientAddress.of(http), user.getEmail());
        // Every session ended with the old password; this browser continues with a new one.
        SessionTokens.Issued issued = tokens.issue(auth.changePassword(principal.userId(), request));
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookies.issue(issued.token()).toString())
                .build();
    }

    @GetMapping("/me")
    @Transactional(readOnly = true)
    public Me me(@AuthenticationPrincipal SessionPrincipal principal) {
        User user = currentUser(principal);
        var organization = organizations.findById(principal.organizationId())
                .orElseThrow(() -> ApiException.unauthorized("sign in first"));
        return new Me(user.getId(), user.getEmail(), user.getFullName(), user.getRole().wire(),
                new Me.Organization(organization.getId(), organization.getName(), organization.getSlug(),
                        organization.getPlan()));
    }

    private User currentUser(SessionPrincipal principal) {
        return users.findById(principal.userId()).orElseThrow(() -> ApiException.unauthorized("sign in first"));
    }
}
