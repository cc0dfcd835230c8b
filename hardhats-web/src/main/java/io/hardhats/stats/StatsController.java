package io.hardhats.stats;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.hardhats.web.ApiException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Daily violation and throughput statistics of the caller's organisation (days in UTC). */
@RestController
@RequestMapping("/api/v1/stats")
public class StatsController {

    static final int MAX_DAYS = 366;

    private final StatsService stats;

    public StatsController(StatsService stats) {
        this.stats = stats;
    }

    @GetMapping("/daily")
    public StatsService.Daily daily(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "camera_id", required = false) UUID cameraId) {
        LocalDate end = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            throw ApiException.invalid("from: must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ApiException.invalid("from: the range may span at most " + MAX_DAYS + " days");
        }
        return stats.daily(start, end, cameraId);
    }

    @GetMapping("/summary")
    public StatsService.Summary summary() {
        return stats.summary(LocalDate.now(ZoneOffset.UTC));
    }
}
