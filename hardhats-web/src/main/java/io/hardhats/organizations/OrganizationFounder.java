package io.hardhats.organizations;

import java.util.Map;
import java.util.UUID;

import io.hardhats.audit.AuditAction;
import io.hardhats.audit.AuditTrail;
import io.hardhats.config.HardhatsProperties;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.users.EmailTaken;
import io.hardhats.users.User;
import io.hardhats.users.UserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Founds organisations: a free slug, the plan limits this service allows, and the first admin. */
@Service
public class OrganizationFounder {

    /** A registered organisation and its first admin. */
    public record Founded(Organization organization, User admin) {
    }

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final AuditTrail audit;
    private final HardhatsProperties properties;

    public OrganizationFounder(OrganizationRepository organizations, UserRepository users, AuditTrail audit,
            HardhatsProperties properties) {
        this.organizations = organizations;
        this.users = users;
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * A new organisation and its first admin; called in a transaction of the new organisation, so
     * a slug or e-mail taken meanwhile leaves nothing behind.
     */
    @Transactional
    public Founded found(String name, String slug, User admin) {
        UUID id = TenantContext.requireOrganization();
        Organization organization = organizations.saveAndFlush(new Organization(id, name, slug,
                properties.maxCamerasPerOrg(), properties.maxUsersPerOrg()));
        User saved = EmailTaken.unlessUnique(() -> users.saveAndFlush(admin));
        audit.record(saved.getId(), AuditAction.REGISTER, "organization", id, Map.of("slug", slug));
        return new Founded(organization, saved);
    }

    /** A slug no organisation has yet, checked across all of them; randomised after a collision. */
    public String freeSlug(String name, boolean randomised) {
        return TenantContext.callAsSystem(() -> randomised ? SlugMaker.randomised(name, organizations::existsBySlug)
                : SlugMaker.unique(name, organizations::existsBySlug));
    }
}
