package io.hardhats.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.hardhats.session.SessionPrincipal;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns a valid JWT into a principal after checking what a signature cannot prove: the token
 * was not logged out, its user still exists, is active, belongs to the token's organisation and
 * has not ended all sessions since (password change). The role comes from the database, so a
 * demotion applies at once. What the database says is kept a few seconds ({@link SessionStates}).
 */
@Component
public class SessionAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SessionStates sessions;

    public SessionAuthenticationConverter(SessionStates sessions) {
        this.sessions = sessions;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID userId;
        UUID organizationId;
        int sessionVersion;
        String sessionId;
        try {
            userId = UUID.fromString(jwt.getSubject());
            organizationId = UUID.fromString(jwt.getClaimAsString("org"));
            Number version = jwt.getClaim(SessionTokens.SESSION_VERSION);
            // Tokens issued before session versions existed belong to the first one.
            sessionVersion = version == null ? 0 : version.intValue();
            sessionId = SessionTokens.sessionId(jwt);
        } catch (RuntimeException e) {
            throw new BadCredentialsException("malformed session");
        }
        SessionStates.UserState user = jwt.getId() == null || sessions.isRevoked(jwt.getId()) ? null
                : sessions.user(userId).orElse(null);
        if (user == null || !user.accepts(organizationId, sessionVersion)) {
            throw new BadCredentialsException("session is no longer valid");
        }
        Instant expiresAt = jwt.getExpiresAt();
        SessionPrincipal principal = new SessionPrincipal(userId, organizationId, user.role(), jwt.getId(),
                expiresAt, sessionId, sessionVersion);
        return new SessionAuthentication(principal);
    }

    static final class SessionAuthentication extends AbstractAuthenticationToken {

        private final SessionPrincipal principal;

        SessionAuthentication(SessionPrincipal principal) {
            super(List.of(new SimpleGrantedAuthority(principal.role().authority())));
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public SessionPrincipal getPrincipal() {
            return principal;
        }
    }
}
