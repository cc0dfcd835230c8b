package io.hardhats.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

/** Query methods run in their own read-only transaction, so both tenant guards apply to them too. */
@Transactional(readOnly = true)
public interface DailyViolationCountRepository extends JpaRepository<DailyViolationCount, UUID> {

    List<DailyViolationCount> findByDateBetweenOrderByDateAsc(LocalDate from, LocalDate to);
}
