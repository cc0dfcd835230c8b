package io.hardhats.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.audit.AuditAction;
import io.hardhats.audit.AuditTrail;
import io.hardhats.organizations.Organization;
import io.hardhats.organizations.OrganizationRepository;
import io.hardhats.session.SessionPrincipal;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.web.ApiException;
import io.hardhats.web.Patch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's members: admins manage them (the last active admin cannot be removed), and
 * each member sees their own account and changes their own password.
 */
@Service
public class UserService {

    /** The signed-in user and their organisation, as the dashboard shows them. */
    public record Me(UUID id, String email, String fullName, String role, Me.Organization organization) {
        public record Organization(UUID id, String name, String slug, String plan) {
        }
    }

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    public UserService(UserRepository users, OrganizationRepository organizations, PasswordEncoder passwords,
            AuditTrail audit, ApplicationEventPublisher events) {
        this.users = users;
        this.organizations = organizations;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<User> list() {
        return users.findAllByOrderByCreatedAtAsc();
    }

    @Transactional(readOnly = true)
    public User get(UUID id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("user"));
    }

    @Transactional
    public User create(UserRequests.Create request) {
        String email = EmailAddresses.normalise(request.email());
        PasswordPolicy.check(request.password(), email);
        int maxUsers = lockOrganization().getMaxUsers();
        if (users.count() >= maxUsers) {
            throw ApiException.conflict("plan_limit", "this organisation may have at most " + maxUsers + " users");
        }
        boolean taken = TenantContext.callAsSystem(() -> users.existsByEmailIgnoreCase(email));
        if (taken) {
            throw EmailTaken.error();
        }
        User user = EmailTaken.unlessUnique(() -> users.saveAndFlush(new User(email,
                passwords.encode(request.password()), request.fullName().trim(), request.role())));
        audit.record(AuditAction.USER_CREATE, "user", user.getId(), Map.of("role", user.getRole().wire()));
        return user;
    }

    @Transactional
    public User update(UUID id, UserRequests.Update request) {
        lockOrganization();
        User user = get(id);
        boolean losesAdmin = user.getRole() == Role.ADMIN && user.isActive()
                && ((request.role() != null && request.role() != Role.ADMIN) || Boolean.FALSE.equals(request.isActive()));
        if (losesAdmin) {
            requireAnotherActiveAdmin();
        }
        Patch.ifGiven(request.fullName(), fullName -> user.setFullName(fullName.trim()));
        Patch.ifGiven(request.role(), user::setRole);
        Patch.ifGiven(request.isActive(), user::setActive);
        audit.record(AuditAction.USER_UPDATE, "user", user.getId(), changes(request));
        // Sessions check the user's role and state: they must see the change (once committed).
        events.publishEvent(new UserChanged(user.getId()));
        return user;
    }

    /** Deactivates rather than deletes: events and audit rows keep pointing at the person. */
    @Transactional
    public void deactivate(UUID id) {
        lockOrganization();
        User user = get(id);
        if (user.getRole() == Role.ADMIN && user.isActive()) {
            requireAnotherActiveAdmin();
        }
        user.setActive(false);
        audit.record(AuditAction.USER_DEACTIVATE, "user", user.getId(), Map.of());
        events.publishEvent(new UserChanged(user.getId()));
    }

    /**
     * Every change that checks a rule of the whole organisation (plan limit, last admin) holds the
     * organisation's row lock from before its check until it commits, so two admins demoting each
     * other at the same moment are checked one after the other.
     */
    private Organization lockOrganization() {
        return organizations.lockById(TenantContext.requireOrganization()).orElseThrow();
    }

    private void requireAnotherActiveAdmin() {
        if (users.countByRoleAndActiveTrue(Role.ADMIN) <= 1) {
            throw ApiException.conflict("last_admin", "an organisation needs at least one active admin");
        }
    }

    private static Map<String, Object> changes(UserRequests.Update request) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (request.fullName() != null) {
            changes.put("full_name", request.fullName());
        }
        if (request.role() != null) {
            changes.put("role", request.role().wire());
        }
        if (request.isActive() != null) {
            changes.put("is_active", request.isActive());
        }
        return changes;
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
    public User changePassword(SessionPrincipal principal, UserRequests.ChangePassword request) {
        User user = current(principal);
        if (!passwords.matches(request.currentPassword(), user.getPasswordHash())) {
            throw ApiException.invalid("current_password: is not your current password");
        }
        PasswordPolicy.check(request.newPassword(), user.getEmail());
        user.setPasswordHash(passwords.encode(request.newPassword()));
        // Whoever knew the old password may hold a session: end them all.
        user.endAllSessions();
        audit.record(AuditAction.PASSWORD_CHANGE, "user", user.getId(), Map.of());
        events.publishEvent(new UserChanged(user.getId()));
        return user;
    }
}
