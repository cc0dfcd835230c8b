package io.hardhats.organizations;

import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** Query methods run in their own read-only transaction, so both tenant guards apply to them too. */
@Transactional(readOnly = true)
public interface OrganizationRepository extends JpaRepository<Organization, UUID> {

    /** Only meaningful in system scope: row-level security hides other organisations' slugs. */
    boolean existsBySlug(String slug);

    /**
     * The organisation, row-locked ({@code FOR UPDATE}) until the caller's transaction ends. Every
     * change that checks an organisation-wide rule before writing (plan limits, the last admin)
     * takes this lock first, so concurrent requests check one after another against committed data.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Organization o where o.id = :id")
    @Transactional
    Optional<Organization> lockById(UUID id);
}
