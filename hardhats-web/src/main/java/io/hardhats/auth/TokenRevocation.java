package io.hardhats.auth;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.hardhats.audit.AuditAction;
import io.hardhats.audit.AuditTrail;
import io.hardhats.session.SessionPrincipal;
import io.hardhats.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/**
 * Ends a session token before it expires: at logout, or when a refresh replaces it. A revoked token
 * stays refused until it would have expired anyway.
 */
@Service
public record TokenRevocation(RevokedTokenRepository revoked, AuditTrail audit, ApplicationEventPublisher events) {

    /** Published once a session token is revoked (logout, or replaced by a refresh). */
    public record TokenRevoked(String tokenId) {
    }

    /** Published once a sign-in ends (logout): its open streams end with it. */
    public record SessionEnded(String sessionId) {
    }

    /** Revokes a still-valid token until it would have expired anyway, and ends its sign-in's streams. */
    public void logout(Jwt session) {
        UUID organizationId = UUID.fromString(session.getClaimAsString("org"));
        revoke(session.getId(), session.getExpiresAt());
        TenantContext.runAs(organizationId, () -> audit.record(UUID.fromString(session.getSubject()),
                AuditAction.LOGOUT, "user", session.getSubject(), Map.of()));
        events.publishEvent(new SessionEnded(SessionTokens.sessionId(session)));
    }

    /** A refresh replaces the token, so a copy of it stops working at once rather than living out its hour. */
    public void refreshed(SessionPrincipal session) {
        revoke(session.tokenId(), session.expiresAt());
    }

    private void revoke(String tokenId, Instant expiresAt) {
        TenantContext.runAsSystem(() -> {
            revoked.save(new RevokedToken(tokenId, expiresAt));
            revoked.deleteExpired(Instant.now());
        });
        events.publishEvent(new TokenRevoked(tokenId));
    }
}
