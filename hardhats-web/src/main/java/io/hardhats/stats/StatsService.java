package io.hardhats.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import io.hardhats.cameras.Camera;
import io.hardhats.cameras.CameraRepository;
import io.hardhats.events.Event;
import io.hardhats.events.EventRepository;
import io.hardhats.web.ApiException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sums {@code daily_stats} rows (one per camera and day, upserted by workers). */
@Service
public class StatsService {

    public record Counts(long totalViolations, long noHardhat, long noVest, long zoneBreach, long framesProcessed) {

        static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

        Counts plus(DailyStat row) {
            return new Counts(totalViolations + row.getTotalViolations(), noHardhat + row.getNoHardhatCount(),
                    noVest + row.getNoVestCount(), zoneBreach + row.getZoneBreachCount(),
                    framesProcessed + row.getFramesProcessed());
        }

        static Counts sum(List<DailyStat> rows) {
            Counts counts = ZERO;
            for (DailyStat row : rows) {
                counts = counts.plus(row);
            }
            return counts;
        }
    }

    public record Day(LocalDate date, Counts counts) {
    }

    public record CameraTotals(UUID cameraId, String cameraName, Counts counts) {
    }

    public record Daily(LocalDate from, LocalDate to, UUID cameraId, List<Day> days, List<CameraTotals> byCamera) {
    }

    public record CameraCounts(long total, long online) {
    }

    public record Summary(LocalDate today, Counts todayCounts,
            @com.fasterxml.jackson.annotation.JsonProperty("last_7_days") Counts lastSevenDays,
            Map<String, Long> byViolationType,
            long unacknowledged, CameraCounts cameras) {
    }

    private final DailyStatRepository dailyStats;
    private final CameraRepository cameras;
    private final EventRepository events;

    public StatsService(DailyStatRepository dailyStats, CameraRepository cameras, EventRepository events) {
        this.dailyStats = dailyStats;
        this.cameras = cameras;
        this.events = events;
    }

    /** Every day of the range appears, with zeros where nothing was recorded, so charts need no gap filling. */
    @Transactional(readOnly = true)
    public Daily daily(LocalDate from, LocalDate to, UUID cameraId) {
        Map<UUID, String> names = cameras.findAll().stream().collect(Collectors.toMap(Camera::getId, Camera::getName));
        if (cameraId != null && !names.containsKey(cameraId)) {
            throw ApiException.notFound("camera");
        }
        List<DailyStat> rows = dailyStats.findByDateBetweenOrderByDateAsc(from, to).stream()
                .filter(row -> cameraId == null || row.getCameraId().equals(cameraId))
                .toList();
        Map<LocalDate, List<DailyStat>> byDate = rows.stream()
                .collect(Collectors.groupingBy(DailyStat::getDate, TreeMap::new, Collectors.toList()));
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new Day(day, Counts.sum(byDate.getOrDefault(day, List.of()))));
        }
        List<CameraTotals> byCamera = rows.stream()
                .collect(Collectors.groupingBy(DailyStat::getCameraId, LinkedHashMap::new, Collectors.toList()))
                .entrySet().stream()
                .map(entry -> new CameraTotals(entry.getKey(), names.get(entry.getKey()), Counts.sum(entry.getValue())))
                .sorted(Comparator.comparingLong((CameraTotals totals) -> totals.counts().totalViolations()).reversed())
                .toList();
        return new Daily(from, to, cameraId, days, byCamera);
    }

    @Transactional(readOnly = true)
    public Summary summary(LocalDate today) {
        List<DailyStat> week = dailyStats.findByDateBetweenOrderByDateAsc(today.minusDays(6), today);
        Counts todayCounts = Counts.sum(week.stream().filter(row -> row.getDate().equals(today)).toList());
        Counts last7 = Counts.sum(week);
        Map<String, Long> byType = new LinkedHashMap<>();
        byType.put("no_hardhat", last7.noHardhat());
        byType.put("no_vest", last7.noVest());
        byType.put("zone_breach", last7.zoneBreach());
        Specification<Event> open = (root, query, cb) -> cb.isFalse(root.get("acknowledged"));
        List<Camera> all = cameras.findAll();
        long online = all.stream().filter(camera -> camera.getStatus() != null && camera.getStatus().isOnline()).count();
        return new Summary(today, todayCounts, last7, byType, events.count(open),
                new CameraCounts(all.size(), online));
    }
}
