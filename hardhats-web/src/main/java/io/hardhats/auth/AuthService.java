package io.hardhats.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.hardhats.audit.AuditTrail;
import io.hardhats.config.HardhatsProperties;
import io.hardhats.organizations.Organization;
import io.hardhats.organizations.OrganizationRepository;
import io.hardhats.session.SessionPrincipal;
import io.hardhats.tenancy.SystemTransactions;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.tenancy.TenantTransactions;
import io.hardhats.users.EmailAddresses;
import io.hardhats.users.EmailTaken;
import io.hardhats.users.PasswordPolicy;
import io.hardhats.users.Role;
import io.hardhats.users.User;
import io.hardhats.users.UserChanged;
import io.hardhats.users.UserRepository;
import io.hardhats.web.ApiException;
import io.hardhats.web.UniqueViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration, login, logout and password changes. Registration and login start outside any tenant, so
 * they open their transactions themselves once they know the organisation.
 */
@Service
public class AuthService {

    private static final String SLUG_CONSTRAINT = "organizations_slug_key";
    private static final int SLUG_ATTEMPTS = 5;

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final RevokedTokenRepository revoked;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final SystemTransactions systemTransactions;
    private final TenantTransactions tenantTransactions;
    private final HardhatsProperties properties;
    private final ApplicationEventPublisher events;
    private final FailedLogins failedLogins;
    /** Compared against when the e-mail is unknown, so both failures take the same time. */
    private final String unknownUserHash;

    public AuthService(UserRepository users, OrganizationRepository organizations, RevokedTokenRepository revoked,
            PasswordEncoder passwords, AuditTrail audit, SystemTransactions systemTransactions,
            TenantTransactions tenantTransactions,
            HardhatsProperties properties, ApplicationEventPublisher events, FailedLogins failedLogins) {
        this.users = users;
        this.organizations = organizations;
        this.revoked = revoked;
        this.passwords = passwords;
        this.audit = audit;
        this.systemTransactions = systemTransactions;
        this.tenantTransactions = tenantTransactions;
        this.properties = properties;
        this.events = events;
        this.failedLogins = failedLogins;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    public record Registered(User user, Organization organization) {
    }

    /** Published after a new organisation is committed (the all-in-one demo camera listens). */
    public record OrganizationRegistered(UUID organizationId) {
    }

    /** Published once a session token is revoked (logout, or replaced by a refresh). */
    public record TokenRevoked(String tokenId) {
    }

    /** Published once a sign-in ends (logout): its open streams end with it. */
    public record SessionEnded(String sessionId) {
    }

    public Registered register(AuthRequests.Register request) {
        String email = EmailAddresses.normalise(request.email());
        PasswordPolicy.check(request.password(), email);
        String hash = passwords.encode(request.password());
        for (int attempt = 1; ; attempt++) {
            try {
                Registered registered = createOrganization(request, email, hash, attempt > 1);
                events.publishEvent(new OrganizationRegistered(registered.organization().getId()));
                return registered;
            } catch (DataIntegrityViolationException e) {
                // Another registration took the same slug between our check and our insert.
                if (attempt >= SLUG_ATTEMPTS || !UniqueViolation.of(e, SLUG_CONSTRAINT)) {
                    throw e;
                }
            }
        }
    }

    private Registered createOrganization(AuthRequests.Register request, String email, String hash,
            boolean randomSlug) {
        String slug = systemTransactions.call(() -> {
            if (users.existsByEmailIgnoreCase(email)) {
                throw EmailTaken.error();
            }
            String name = request.organizationName().trim();
            return randomSlug ? SlugMaker.randomised(name, organizations::existsBySlug)
                    : SlugMaker.unique(name, organizations::existsBySlug);
        });
        UUID organizationId = UUID.randomUUID();
        return tenantTransactions.call(organizationId, () -> {
            Organization organization = organizations.saveAndFlush(new Organization(organizationId,
                    request.organizationName().trim(), slug, properties.maxCamerasPerOrg(),
                    properties.maxUsersPerOrg()));
            User admin = EmailTaken.unlessUnique(() -> users.saveAndFlush(
                    new User(email, hash, request.fullName().trim(), Role.ADMIN)));
            audit.record(admin.getId(), "register", "organization", organizationId, Map.of("slug", slug));
            return new Registered(admin, organization);
        });
    }

    /** The user, or 401 with one message whether the e-mail is unknown or the password wrong. */
    public User login(AuthRequests.Login request) {
        String email = EmailAddresses.normalise(request.email());
        User user = TenantContext.callAsSystem(() -> users.findByEmailIgnoreCase(email).orElse(null));
        boolean matches = passwords.matches(request.password(), user == null ? unknownUserHash : user.getPasswordHash());
        if (user == null) {
            failedLogins.failed(email);
            throw ApiException.unauthorized("invalid e-mail or password");
        }
        User signedIn = tenantTransactions.call(user.getOrganizationId(), () -> {
            if (!matches || !user.isActive()) {
                audit.record(user.getId(), "login_failed", "user", user.getId(),
                        Map.of("reason", matches ? "inactive" : "bad_password"));
                return null;
            }
            User current = users.findById(user.getId()).orElseThrow();
            current.setLastLogin(Instant.now().truncatedTo(ChronoUnit.MICROS));
            audit.record(current.getId(), "login", "user", current.getId(), Map.of());
            return current;
        });
        if (signedIn == null) {
            failedLogins.failed(email);
            throw ApiException.unauthorized("invalid e-mail or password");
        }
        failedLogins.succeeded(email);
        return signedIn;
    }

    /** Changes the password and ends every session of the user; answers the user to sign in again. */
    @Transactional
    public User changePassword(UUID userId, AuthRequests.ChangePassword request) {
        User user = users.findById(userId).orElseThrow(() -> ApiException.unauthorized("sign in first"));
        if (!passwords.matches(request.currentPassword(), user.getPasswordHash())) {
            throw ApiException.invalid("current_password: is not your current password");
        }
        PasswordPolicy.check(request.newPassword(), user.getEmail());
        user.setPasswordHash(passwords.encode(request.newPassword()));
        // Whoever knew the old password may hold a session: end them all.
        user.endAllSessions();
        audit.record("password_change", "user", user.getId(), Map.of());
        events.publishEvent(new UserChanged(user.getId()));
        return user;
    }

    /** Revokes a still-valid token until it would have expired anyway, and ends its sign-in's streams. */
    public void logout(Jwt session) {
        UUID organizationId = UUID.fromString(session.getClaimAsString("org"));
        revoke(session.getId(), session.getExpiresAt());
        TenantContext.runAs(organizationId, () -> audit.record(UUID.fromString(session.getSubject()),
                "logout", "user", session.getSubject(), Map.of()));
        events.publishEvent(new SessionEnded(SessionTokens.sessionId(session)));
    }

    /**
     * The user to issue a fresh token of the same sign-in to; the token being replaced is revoked,
     * so a copy of it stops working at once rather than living out its hour.
     */
    public User refresh(SessionPrincipal session) {
        User user = users.findById(session.userId()).orElseThrow(() -> ApiException.unauthorized("sign in first"));
        revoke(session.tokenId(), session.expiresAt());
        return user;
    }

    private void revoke(String tokenId, Instant expiresAt) {
        TenantContext.runAsSystem(() -> {
            revoked.save(new RevokedToken(tokenId, expiresAt));
            revoked.deleteExpired(Instant.now());
        });
        events.publishEvent(new TokenRevoked(tokenId));
    }
}
