package io.hardhats.auth;

import java.util.UUID;

import io.hardhats.organizations.Organization;
import io.hardhats.organizations.OrganizationRepository;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.users.EmailAddresses;
import io.hardhats.users.EmailTaken;
import io.hardhats.users.PasswordPolicy;
import io.hardhats.users.User;
import io.hardhats.users.UserRepository;
import io.hardhats.web.UniqueViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Registration: a new organisation under a slug of its own, with its first admin. It starts
 * outside any tenant; {@link OrganizationFounder} writes the rows once the organisation is named.
 */
@Service
public class Registration {

    private static final String SLUG_CONSTRAINT = "organizations_slug_key";
    private static final int SLUG_ATTEMPTS = 5;

    public record Registered(User user, Organization organization) {
    }

    /** Published after a new organisation is committed (the all-in-one demo camera listens). */
    public record OrganizationRegistered(UUID organizationId) {
    }

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PasswordEncoder passwords;
    private final OrganizationFounder founder;
    private final ApplicationEventPublisher events;

    public Registration(UserRepository users, OrganizationRepository organizations, PasswordEncoder passwords,
            OrganizationFounder founder, ApplicationEventPublisher events) {
        this.users = users;
        this.organizations = organizations;
        this.passwords = passwords;
        this.founder = founder;
        this.events = events;
    }

    public Registered register(AuthRequests.Register request) {
        String email = EmailAddresses.normalise(request.email());
        PasswordPolicy.check(request.password(), email);
        String hash = passwords.encode(request.password());
        for (int attempt = 1; ; attempt++) {
            try {
                String slug = freeSlug(request.organizationName().trim(), email, attempt > 1);
                Registered registered = founder.found(request, email, hash, slug);
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

    /** Checked across every organisation; the unique constraints settle any race after it. */
    private String freeSlug(String organizationName, String email, boolean randomised) {
        return TenantContext.callAsSystem(() -> {
            if (users.existsByEmailIgnoreCase(email)) {
                throw EmailTaken.error();
            }
            return randomised ? SlugMaker.randomised(organizationName, organizations::existsBySlug)
                    : SlugMaker.unique(organizationName, organizations::existsBySlug);
        });
    }
}
