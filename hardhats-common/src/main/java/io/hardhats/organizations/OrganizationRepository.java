package io.hardhats.organizations;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganizationRepository extends JpaRepository<Organization, UUID> {

    /** Only meaningful in system scope: row-level security hides other organisations' slugs. */
    boolean existsBySlug(String slug);
}
