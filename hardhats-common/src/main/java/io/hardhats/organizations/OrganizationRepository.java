package io.hardhats.organizations;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

/** Query methods run in their own read-only transaction, so both tenant guards apply to them too. */
@Transactional(readOnly = true)
public interface OrganizationRepository extends JpaRepository<Organization, UUID> {

    /** Only meaningful in system scope: row-level security hides other organisations' slugs. */
    boolean existsBySlug(String slug);
}
