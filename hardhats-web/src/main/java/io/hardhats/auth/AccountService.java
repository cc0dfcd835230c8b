package io.hardhats.auth;

import java.util.Map;
import java.util.UUID;

import io.hardhats.audit.AuditTrail;
import io.hardhats.organizations.Organization;
import io.hardhats.organizations.OrganizationRepository;
import io.hardhats.session.SessionPrincipal;
import io.hardhats.users.PasswordPolicy;
import io.hardhats.users.User;
import io.hardhats.users.UserChanged;
import io.hardhats.users.UserRepository;
import io.hardhats.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own account: who they are, and their password. */
@Service
public class AccountService {

    public record Me(UUID id, String email, String fullName, String role, Me.Organization organization) {
        public record Organization(UUID id, String name, String slug, String plan) {
        }
    }

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    public AccountService(UserRepository users, OrganizationRepository organizations, PasswordEncoder passwords,
            AuditTrail audit, ApplicationEventPublisher events) {
        this.users = users;
        this.organizations = organizations;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Me me(SessionPrincipal principal) {
        User user = current(principal);
        Organization organization = organizations.findById(principal.organizationId())
                .orElseThrow(() -> ApiException.unauthorized("sign in first"));
        return new Me(user.getId(), user.getEmail(), user.getFullName(), user.getRole().wire(),
                new Me.Organization(organization.getId(), organization.getName(), organization.getSlug(),
                        organization.getPlan()));
    }

    /** The signed-in user, or 401 when they no longer exist. */
    public User current(SessionPrincipal principal) {
        return users.findById(principal.userId()).orElseThrow(() -> ApiException.unauthorized("sign in first"));
    }

    /** Changes the password and ends every session of the user; answers the user to sign in again. */
    @Transactional
    public User changePassword(SessionPrincipal principal, AuthRequests.ChangePassword request) {
        User user = current(principal);
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
}
