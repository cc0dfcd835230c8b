package io.hardhats.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
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
import io.hardhats.tenancy.TenantTransactions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Retention on a controlled clock: each organisation loses what is older than its own period,
 * with its pictures, in batches no larger than configured; daily statistics stay; a run while
 * another is under way (another process's) skips. Finished notification messages no event stands
 * behind (tests, storm summaries, digests) go too.
 */
class RetentionTest extends ApiTest {

    /** Long before anything other tests write, so their events are never expired by this clock. */
    private static final Instant NOW = Instant.parse("1990-06-01T03:30:00Z");
    private static final int BATCH = 3;

    @Autowired
    TenantData data;
    @Autowired
    List<ExpiredRecords> expired;
    @Autowired
    ExpiredEvents events;
    @Autowired
    RetentionLock lock;
    @Autowired
    TenantTransactions transactions;
    @Autowired
    JdbcClient jdbc;

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

        assertThat(report).isEqualTo(new RetentionReport(Map.of("events", 8L), 4, BATCH));
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

        assertThat(job(2).removeExpired()).contains(new RetentionReport(Map.of("events", 5L), 3, 2));
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
        assertThat(job(BATCH).removeExpired().orElseThrow().removed().get("events")).as("the lock is free again")
                .isGreaterThanOrEqualTo(1);
        assertThat(site.client().get("/api/v1/events/" + expiredEvent).status()).isEqualTo(404);
    }

    @Test
    void finishedTestsSummariesAndDigestsGoWithTheirAttemptsOncePastThePeriod() {
        Member site = register("Old messages");
        UUID camera = createCamera(site, "Gate");
        UUID channel = UUID.fromString(site.client().post("/api/v1/notification-channels",
                Map.of("name", "Office", "kind", "webhook", "target", "https://192.0.2.10/hook")).text("id"));
        UUID oldTest = delivery(site, channel, "test", "delivered", null, null, daysAgo(120));
        UUID oldSummary = delivery(site, channel, "summary", "failed", null, null, daysAgo(100));
        UUID retried = delivery(site, channel, "test", "retrying", null, null, daysAgo(100));
        UUID recent = delivery(site, channel, "test", "delivered", null, null, daysAgo(10));
        UUID carrying = delivery(site, channel, "summary", "delivered", null, null, daysAgo(95));
        UUID keptEvent = data.event(site.organizationId(), camera, ViolationType.NO_HARDHAT, daysAgo(89));
        UUID held = delivery(site, channel, "alert", "held", keptEvent, carrying, daysAgo(89));
        digest(site, "sam@site.example", daysAgo(100), "delivered");
        digest(site, "pat@site.example", daysAgo(100), "retrying");
        digest(site, "sam@site.example", daysAgo(3), "delivered");

        RetentionReport report = job(1).removeExpired().orElseThrow();

        assertThat(report).isEqualTo(new RetentionReport(Map.of("notification deliveries", 2L, "digests", 1L), 3, 1));
        assertThat(transactions.call(site.organizationId(), () -> jdbc.sql("SELECT id FROM notification_deliveries")
                .query(UUID.class).list())).containsExactlyInAnyOrder(retried, recent, carrying, held);
        assertThat(transactions.call(site.organizationId(), () -> jdbc.sql(
                "SELECT count(*) FROM notification_attempts WHERE delivery_id IN (?, ?)").params(oldTest, oldSummary)
                .query(Long.class).single())).isZero();
        assertThat(transactions.call(site.organizationId(), () -> jdbc.sql(
                "SELECT recipient || ' ' || status FROM digest_deliveries").query(String.class).list()))
                .containsExactlyInAnyOrder("pat@site.example retrying", "sam@site.example delivered");
        assertThat(job(1).removeExpired()).contains(RetentionReport.NOTHING);
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
        return new RetentionJob(lock, events, expired, new RetentionProperties(90, 365, batchSize, null),
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

    /** A delivery as the worker leaves it, with one attempt, written {@code at}. */
    private UUID delivery(Member member, UUID channel, String purpose, String status, UUID event, UUID coveredBy,
            Instant at) {
        UUID id = UUID.randomUUID();
        transactions.run(member.organizationId(), () -> {
            jdbc.sql("""
                    INSERT INTO notification_deliveries (id, organization_id, channel_id, event_id, purpose, status,
                        covered_by, attempts, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                    """).params(id, member.organizationId(), channel, event, purpose, status, coveredBy,
                    Timestamp.from(at), Timestamp.from(at)).update();
            jdbc.sql("""
                    INSERT INTO notification_attempts (id, organization_id, delivery_id, at, result)
                    VALUES (?, ?, ?, ?, 'failed')
                    """).params(UUID.randomUUID(), member.organizationId(), id, Timestamp.from(at)).update();
        });
        return id;
    }

    private void digest(Member member, String recipient, Instant at, String status) {
        transactions.run(member.organizationId(), () -> jdbc.sql("""
                INSERT INTO digest_deliveries (id, organization_id, day, recipient, status, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(UUID.randomUUID(), member.organizationId(), LocalDate.ofInstant(at, ZoneOffset.UTC),
                recipient, status, Timestamp.from(at), Timestamp.from(at)).update());
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }
}
