package io.hardhats.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DailyStatRepository extends JpaRepository<DailyStat, UUID> {

    List<DailyStat> findByDateBetweenOrderByDateAsc(LocalDate from, LocalDate to);
}
