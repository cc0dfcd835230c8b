package io.hardhats.auth;

import java.util.UUID;

import io.hardhats.organizations.OrganizationFounder;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.tenancy.TenantTransactions;
import io.hardhats.users.EmailAddresses;
import io.hardhats.users.EmailTaken;
import io.hardhats.users.PasswordPolicy;
import io.hardhats.users.Role;
import io.hardhats.users.User;
import io.hardhats.users.UserRepository;
import io.hardhats.web.UniqueViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Registration: a new organisation under a slug of its own, with its first admin. It starts
 * outside any tenant, so it opens the new organisation's transaction itself.
 */
@Service
public record Registration(UserRepository users, PasswordEncoder passwords, OrganizationFounder organizations,
        TenantTransactions transactions, ApplicationEventPublisher events) {

    private static final String SLUG_CONSTRAINT = "organizations_slug_key";
    private static final int SLUG_ATTEMPTS = 5;

    /** Published after a new organisation is committed (the all-in-one demo camera listens). */
    public record OrganizationRegistered(UUID organizationId) {
    }

    public OrganizationFounder.Founded register(AuthRequests.Register request) {
        String email = EmailAddresses.normalise(request.email());
        PasswordPolicy.check(request.password(), email);
        String hash = passwords.encode(request.password());
        String name = request.organizationName().trim();
        for (int attempt = 1; ; attempt++) {
            try {
                if (TenantContext.callAsSystem(() -> users.existsByEmailIgnoreCase(email))) {
                    throw EmailTaken.error();
                }
                String slug = organizations.freeSlug(name, attempt > 1);
                User admin = new User(email, hash, request.fullName().trim(), Role.ADMIN);
                OrganizationFounder.Founded founded = transactions.call(UUID.randomUUID(),
                        () -> organizations.found(name, slug, admin));
                events.publishEvent(new OrganizationRegistered(founded.organization().getId()));
                return founded;
            } catch (DataIntegrityViolationException e) {
                // Another registration took the same slug between our check and our insert.
                if (attempt >= SLUG_ATTEMPTS || !UniqueViolation.of(e, SLUG_CONSTRAINT)) {
                    throw e;
                }
            }
        }
    }
}
