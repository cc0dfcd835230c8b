package io.hardhats.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import java.time.Instant;

import io.hardhats.session.SessionPrincipal;
import io.hardhats.users.User;
import io.hardhats.users.UserRequests;
import io.hardhats.users.UserService;
import io.hardhats.users.UserView;
import io.hardhats.web.ClientAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signing in and out, and the signed-in user's own account; registration has a controller of its own. */
@RestController
@RequestMapping("/api/v1/auth")
public record AuthController(Login login, TokenRevocation revocation, UserService users, SessionCookies cookies,
        AuthRateLimiter rateLimiter) {

    public record Session(UserView user, Instant expiresAt) {
    }

    @PostMapping("/login")
    public ResponseEntity<Session> login(@Valid @RequestBody AuthRequests.Login request, HttpServletRequest http) {
        rateLimiter.check("login", ClientAddress.of(http), request.email());
        User user = login.signIn(request);
        return session(user, cookies.issue(user));
    }

    /** Always clears the cookie; a still-valid token is also revoked until it would expire. */
    @PostMapping("/logout")
    public ResponseEntity<Void> logout(HttpServletRequest http) {
        cookies.read(http).ifPresent(revocation::logout);
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookies.clear().toString()).build();
    }

    @PostMapping("/refresh")
    public ResponseEntity<Session> refresh(@AuthenticationPrincipal SessionPrincipal principal,
            HttpServletRequest http) {
        rateLimiter.check("refresh", ClientAddress.of(http), null);
        User user = users.current(principal);
        revocation.refreshed(principal);
        return session(user, cookies.issue(user, principal.sessionId()));
    }

    @PostMapping("/change-password")
    public ResponseEntity<Void> changePassword(@AuthenticationPrincipal SessionPrincipal principal,
            @Valid @RequestBody UserRequests.ChangePassword request, HttpServletRequest http) {
        rateLimiter.check("change-password", ClientAddress.of(http), users.current(principal).getEmail());
        // Every session ended with the old password; this browser continues with a new one.
        SessionCookies.Issued issued = cookies.issue(users.changePassword(principal, request));
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, issued.cookie().toString()).build();
    }

    @GetMapping("/me")
    public UserService.Me me(@AuthenticationPrincipal SessionPrincipal principal) {
        return users.me(principal);
    }

    private static ResponseEntity<Session> session(User user, SessionCookies.Issued issued) {
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, issued.cookie().toString())
                .body(new Session(UserView.of(user), issued.expiresAt()));
    }
}
