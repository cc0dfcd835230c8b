package io.hardhats.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.hardhats.tenancy.TenantContext;
import io.hardhats.users.User;
import io.hardhats.users.UserRepository;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a valid JWT into a principal after checking what a signature cannot prove: the token
 * was not logged out, and its user still exists, is active and belongs to the token's
 * organisation. The role comes from the database, so a demotion applies at once.
 */
@Component
public class SessionAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final UserRepository users;
    private final RevokedTokenRepository revoked;
    private final TransactionTemplate readOnly;

    public SessionAuthenticationConverter(UserRepository users, RevokedTokenRepository revoked,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.revoked = revoked;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID userId;
        UUID organizationId;
        try {
            userId = UUID.fromString(jwt.getSubject());
            organizationId = UUID.fromString(jwt.getClaimAsString("org"));
        } catch (RuntimeException e) {
            throw new BadCredentialsException("malformed session");
        }
        User user = TenantContext.callAsSystem(() -> readOnly.execute(status -> {
            if (jwt.getId() == null || revoked.existsById(jwt.getId())) {
                return null;
            }
            return users.findById(userId).orElse(null);
        }));
        if (user == null || !user.isActive() || !user.getOrganizationId().equals(organizationId)) {
            throw new BadCredentialsException("session is no longer valid");
        }
        Instant expiresAt = jwt.getExpiresAt();
        SessionPrincipal principal =
                new SessionPrincipal(userId, organizationId, user.getRole(), jwt.getId(), expiresAt);
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
