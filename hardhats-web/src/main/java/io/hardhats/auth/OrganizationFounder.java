package io.hardhats.auth;

import java.util.Map;
import java.util.UUID;

import io.hardhats.audit.AuditTrail;
import io.hardhats.config.HardhatsProperties;
import io.hardhats.organizations.Organization;
import io.hardhats.organizations.OrganizationRepository;
import io.hardhats.tenancy.TenantTransactions;
import io.hardhats.users.EmailTaken;
import io.hardhats.users.Role;
import io.hardhats.users.User;
import io.hardhats.users.UserRepository;
import org.springframework.stereotype.Component;

/** Writes a registration: the organisation with the service's plan limits, its first admin, and the audit record. */
@Component
class OrganizationFounder {

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final HardhatsProperties properties;

    OrganizationFounder(OrganizationRepository organizations, UserRepository users, AuditTrail audit,
            TenantTransactions transactions, HardhatsProperties properties) {
        this.organizations = organizations;
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** One transaction in the new organisation, so a slug or e-mail taken meanwhile leaves nothing behind. */
    Registration.Registered found(AuthRequests.Register request, String email, String passwordHash, String slug) {
        UUID organizationId = UUID.randomUUID();
        return transactions.call(organizationId, () -> {
            Organization organization = organizations.saveAndFlush(new Organization(organizationId,
                    request.organizationName().trim(), slug, properties.maxCamerasPerOrg(),
                    properties.maxUsersPerOrg()));
            User admin = EmailTaken.unlessUnique(() -> users.saveAndFlush(
                    new User(email, passwordHash, request.fullName().trim(), Role.ADMIN)));
            audit.record(admin.getId(), "register", "organization", organizationId, Map.of("slug", slug));
            return new Registration.Registered(admin, organization);
        });
    }
}
