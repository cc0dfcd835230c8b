package io.hardhats.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.hardhats.cameras.Camera;
import io.hardhats.cameras.CameraRepository;
import io.hardhats.events.Event;
import io.hardhats.events.EventRepository;
import io.hardhats.events.ViolationType;
import io.hardhats.web.ApiException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sums the rows workers upsert: {@code daily_stats} (frames, one per camera and day) and
 * {@code daily_violation_counts} (one per camera, day and violation type).
 */
@Service
public class StatsService {

    /** Violations by type (every type, zero or not) and analysed frames. */
    public record Counts(Map<ViolationType, Long> byType, long framesProcessed) {

        static final Counts ZERO = new Counts(Map.of(), 0);

        public Counts {
            Map<ViolationType, Long> every = new EnumMap<>(ViolationType.class);
            for (ViolationType type : ViolationType.values()) {
                every.put(type, byType.getOrDefault(type, 0L));
            }
            byType = Collections.unmodifiableMap(every);
        }

        public long totalViolations() {
            return byType.values().stream().mapToLong(Long::longValue).sum();
        }

        /** In JSON: the total, then a field of its own per violation type, then the frames. */
        @JsonValue
        public Map<String, Long> json() {
            Map<String, Long> fields = new LinkedHashMap<>();
            fields.put("total_violations", totalViolations());
            fields.putAll(byWireName(byType));
            fields.put("frames_processed", framesProcessed);
            return fields;
        }

        Counts plus(ViolationType type, long count) {
            Map<ViolationType, Long> sum = new EnumMap<>(byType);
            sum.merge(type, count, Long::sum);
            return new Counts(sum, framesProcessed);
        }

        Counts plusFrames(long frames) {
            return new Counts(byType, framesProcessed + frames);
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
            @JsonProperty("last_7_days") Counts lastSevenDays,
            Map<String, Long> byViolationType,
            long unacknowledged, CameraCounts cameras) {
    }

    /** The rows of a date range that a sum reads. */
    private record Rows(List<DailyStat> frames, List<DailyViolationCount> violations) {

        Rows where(Predicate<UUID> camera, Predicate<LocalDate> date) {
            return new Rows(
                    frames.stream().filter(r -> camera.test(r.getCameraId()) && date.test(r.getDate())).toList(),
                    violations.stream().filter(r -> camera.test(r.getCameraId()) && date.test(r.getDate())).toList());
        }

        /** Counts per key (a day, a camera), keys in the order first seen. */
        <K> Map<K, Counts> sumBy(Function<DailyStat, K> frameKey, Function<DailyViolationCount, K> violationKey) {
            Map<K, Counts> sums = new LinkedHashMap<>();
            for (DailyStat row : frames) {
                sums.merge(frameKey.apply(row), Counts.ZERO.plusFrames(row.getFramesProcessed()),
                        (sum, one) -> sum.plusFrames(one.framesProcessed()));
            }
            for (DailyViolationCount row : violations) {
                sums.merge(violationKey.apply(row), Counts.ZERO.plus(row.getViolationType(), row.getCount()),
                        (sum, one) -> sum.plus(row.getViolationType(), row.getCount()));
            }
            return sums;
        }

        Counts sum() {
            return sumBy(row -> true, row -> true).getOrDefault(true, Counts.ZERO);
        }
    }

    private final DailyStatRepository dailyStats;
    private final DailyViolationCountRepository violationCounts;
    private final CameraRepository cameras;
    private final EventRepository events;

    public StatsService(DailyStatRepository dailyStats, DailyViolationCountRepository violationCounts,
            CameraRepository cameras, EventRepository events) {
        this.dailyStats = dailyStats;
        this.violationCounts = violationCounts;
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
        Rows rows = rows(from, to).where(camera -> cameraId == null || camera.equals(cameraId), date -> true);
        Map<LocalDate, Counts> byDate = rows.sumBy(DailyStat::getDate, DailyViolationCount::getDate);
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new Day(day, byDate.getOrDefault(day, Counts.ZERO)));
        }
        List<CameraTotals> byCamera = rows.sumBy(DailyStat::getCameraId, DailyViolationCount::getCameraId)
                .entrySet().stream()
                .map(entry -> new CameraTotals(entry.getKey(), names.get(entry.getKey()), entry.getValue()))
                .sorted(Comparator.comparingLong((CameraTotals totals) -> totals.counts().totalViolations()).reversed())
                .toList();
        return new Daily(from, to, cameraId, days, byCamera);
    }

    @Transactional(readOnly = true)
    public Summary summary(LocalDate today) {
        Rows week = rows(today.minusDays(6), today);
        Counts todayCounts = week.where(camera -> true, today::equals).sum();
        Counts last7 = week.sum();
        Specification<Event> open = (root, query, cb) -> cb.isFalse(root.get("acknowledged"));
        List<Camera> all = cameras.findAll();
        long online = all.stream().filter(camera -> camera.getStatus() != null && camera.getStatus().isOnline()).count();
        return new Summary(today, todayCounts, last7, byWireName(last7.byType()), events.count(open),
                new CameraCounts(all.size(), online));
    }

    private Rows rows(LocalDate from, LocalDate to) {
        return new Rows(dailyStats.findByDateBetweenOrderByDateAsc(from, to),
                violationCounts.findByDateBetweenOrderByDateAsc(from, to));
    }

    private static Map<String, Long> byWireName(Map<ViolationType, Long> byType) {
        Map<String, Long> wire = new LinkedHashMap<>();
        byType.forEach((type, count) -> wire.put(type.wire(), count));
        return wire;
    }
}
