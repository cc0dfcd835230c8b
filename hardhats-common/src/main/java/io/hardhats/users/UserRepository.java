package io.hardhats.users;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

/** Query methods run in their own read-only transaction, so both tenant guards apply to them too. */
@Transactional(readOnly = true)
public interface UserRepository extends JpaRepository<User, UUID> {

    /** Across organisations in system scope (login), within the caller's otherwise. */
    Optional<User> findByEmailIgnoreCase(String email);

    boolean existsByEmailIgnoreCase(String email);

    List<User> findAllByOrderByCreatedAtAsc();

    long countByRoleAndActiveTrue(Role role);
}
