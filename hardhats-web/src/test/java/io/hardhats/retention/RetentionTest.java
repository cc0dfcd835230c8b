package io.hardhats.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.hardhats.events.ViolationType;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Retention on a controlled clock: each organisation loses what is older than its own period,
 * with its pictures, in batches no larger than configured; daily statistics stay; a run while
 * another is under way (another process's) skips.
 */
class RetentionTest extends ApiTest {

    /** Long before anything other tests write, so their events are never expired by this clock. */
    private static final Instant NOW = Instant.parse("1990-06-01T03:30:00Z");
    private static final int BATCH = 3;

    @Autowired
    TenantData data;
    @Autowired
    ExpiredEvents expired;
    @Autowired
    RetentionLock lock;

    @Test
    void expiredEventsGoWithTheirPicturesInBoundedBatchesAndStatisticsStay() {
        Member site = register("Short memory");
        Member archive = register("Long memory");
        assertThat(archive.client().put("/api/v1/organization", Map.of("retention_days", 365)).status())
                .isEqualTo(200);
        UUID siteCamera = createCamera(site, "Gate");
        UUID archiveCamera = createCamera(archive, "Crane");

        List<UUID> siteExpired = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            siteExpired.add(eventWithPictures(site, siteCamera, daysAgo(91 + i)));
        }
        UUID siteKept = eventWithPictures(site, siteCamera, daysAgo(89));
        UUID archiveKept = eventWithPictures(archive, archiveCamera, daysAgo(100));
        UUID archiveExpired = eventWithPictures(archive, archiveCamera, daysAgo(366));
        LocalDate oldDay = LocalDate.ofInstant(daysAgo(95), ZoneOffset.UTC);
        data.dailyStat(site.organizationId(), siteCamera, oldDay, 7, 0, 0, 1_000);

        RetentionReport report = job(BATCH).removeExpired().orElseThrow();

        assertThat(report).isEqualTo(new RetentionReport(8, 4, BATCH));
        for (UUID gone : siteExpired) {
            assertThat(site.client().get("/api/v1/events/" + gone).status()).isEqualTo(404);
        }
        assertThat(site.client().get("/api/v1/events/" + siteKept).status()).isEqualTo(200);
        assertThat(archive.client().get("/api/v1/events/" + archiveKept).status()).isEqualTo(200);
        assertThat(archive.client().get("/api/v1/events/" + archiveExpired).status()).isEqualTo(404);
        assertThat(data.blobs(site.organizationId())).as("thumbnail and frame of the kept event").isEqualTo(2);
        assertThat(data.blobs(archive.organizationId())).isEqualTo(2);

        HttpResult stats = site.client().get("/api/v1/stats/daily?from=" + oldDay + "&to=" + oldDay);
        assertThat(stats.status()).isEqualTo(200);
        JsonNode counts = stats.json().path("days").path(0).path("counts");
        assertThat(counts.path("no_hardhat").asLong()).as(counts.toString()).isEqualTo(7);
        assertThat(counts.path("frames_processed").asLong()).as(counts.toString()).isEqualTo(1_000);
        assertThat(job(BATCH).removeExpired()).as("nothing left to remove").contains(RetentionReport.NOTHING);
    }

    @Test
    void theBatchSizeBoundsEveryTransaction() {
        Member site = register("Busy site");
        UUID camera = createCamera(site, "Gate");
        for (int i = 0; i < 5; i++) {
            eventWithPictures(site, camera, daysAgo(200 + i));
        }

        assertThat(job(2).removeExpired()).contains(new RetentionReport(5, 3, 2));
        assertThat(data.blobs(site.organizationId())).isZero();
    }

    @Test
    void aRunWhileAnotherIsUnderWaySkipsAndRemovesNothing() throws Exception {
        Member site = register("Two schedulers");
        UUID expiredEvent = eventWithPictures(site, createCamera(site, "Gate"), daysAgo(120));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Boolean>> otherRun = other.submit(() -> lock.ifFree(() -> {
                running.countDown();
                awaitQuietly(finish);
                return true;
            }));
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(job(BATCH).removeExpired()).as("skipped while the other run holds the lock").isEmpty();
            assertThat(site.client().get("/api/v1/events/" + expiredEvent).status()).isEqualTo(200);

            finish.countDown();
            assertThat(otherRun.get(30, TimeUnit.SECONDS)).contains(true);
        } finally {
            finish.countDown();
            other.shutdownNow();
        }
        assertThat(job(BATCH).removeExpired().orElseThrow().events()).as("the lock is free again")
                .isGreaterThanOrEqualTo(1);
        assertThat(site.client().get("/api/v1/events/" + expiredEvent).status()).isEqualTo(404);
    }

    @Test
    void retentionOverThePlanMaximumIsRefusedAndChangesAreAudited() {
        Member admin = register("Retention settings");
        assertThat(admin.client().get("/api/v1/organization").json().path("retention_days").asInt()).isEqualTo(90);

        HttpResult tooLong = admin.client().put("/api/v1/organization", Map.of("retention_days", 366));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.text("error")).isEqualTo("validation_failed");
        assertThat(tooLong.text("detail")).contains("365 days");
        assertThat(admin.client().get("/api/v1/organization").json().path("retention_days").asInt()).isEqualTo(90);

        HttpResult saved = admin.client().put("/api/v1/organization", Map.of("retention_days", 30));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("retention_days").asInt()).isEqualTo(30);
        assertThat(admin.client().get("/api/v1/audit-logs?action=organization_update").body())
                .contains("retention_days");
    }

    private RetentionJob job(int batchSize) {
        return new RetentionJob(lock, expired, new RetentionProperties(90, 365, batchSize, null),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private UUID eventWithPictures(Member member, UUID camera, Instant at) {
        UUID event = data.event(member.organizationId(), camera, ViolationType.NO_HARDHAT, at);
        data.pictures(member.organizationId(), event);
        return event;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }
}
