package io.hardhats.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.cameras.CameraConfigReader;
import io.hardhats.tenancy.SystemTransactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Several workers in one JVM against one PostgreSQL, each a {@link LeaseCoordinator} with short
 * lease times, all through the real application beans (role worker, row-level security on).
 * A probe watches, for every camera, which workers run it at each instant: never two.
 */
@SpringBootTest(classes = HardhatsApplication.class, properties = {
        "hardhats.role=worker",
        "hardhats.fleet.enabled=false",
        "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
        "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class FleetTest {

    private static final LeaseSettings SHORT =
            new LeaseSettings(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMillis(200));
    private static final Duration MOVE_WITHIN = Duration.ofSeconds(45);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
    }

    @Autowired
    WorkerRegistry registry;
    @Autowired
    CameraLeaseRepository leases;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    CameraConfigReader configReader;

    /** The table owner, to arrange data the way the web service would leave it. */
    private JdbcTemplate owner;
    private final Probe probe = new Probe();
    private final List<Worker> workers = new ArrayList<>();

    @BeforeEach
    void cleanFleet() {
        DataSource superuser = new DriverManagerDataSource(TestDatabase.url());
        owner = new JdbcTemplate(superuser);
        owner.update("DELETE FROM camera_leases");
        owner.update("DELETE FROM workers");
        owner.update("DELETE FROM cameras");
        probe.start();
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(worker -> worker.coordinator.crash());
        probe.stop();
        assertThat(probe.violations).as("cameras run by two workers at once").isEmpty();
    }

    @Test
    void twoThenThreeWorkersSplitTheCamerasFairly() {
        List<UUID> cameras = cameras(10);
        Worker a = worker("a");
        Worker b = worker("b");
        awaitSplit(cameras, a, b);
        assertThat(List.of(a.running().size(), b.running().size())).containsExactlyInAnyOrder(5, 5);

        Worker c = worker("c");
        awaitSplit(cameras, a, b, c);
        assertThat(List.of(a.running().size(), b.running().size(), c.running().size()))
                .containsExactlyInAnyOrder(4, 3, 3);
        assertThat(leaseOwners()).as("leases match what runs").isEqualTo(runningBy(a, b, c));
    }

    @Test
    void aCrashedWorkersCamerasAreOwnedAgainAfterTheLeasesExpire() {
        List<UUID> cameras = cameras(9);
        Worker a = worker("a");
        Worker b = worker("b");
        Worker c = worker("c");
        awaitSplit(cameras, a, b, c);
        Set<UUID> orphans = b.running();

        b.crash();
        await().atMost(MOVE_WITHIN).untilAsserted(() -> {
            assertThat(union(a.running(), c.running())).containsAll(orphans);
            assertThat(registry(() -> registry.live(SHORT.ttl())).stream().map(WorkerRegistry.WorkerSlot::id))
                    .doesNotContain(b.id());
        });
        awaitSplit(cameras, a, c);
    }

    @Test
    void aGracefulStopReleasesItsLeasesAtOnce() {
        List<UUID> cameras = cameras(6);
        Worker a = worker("a");
        Worker b = worker("b");
        awaitSplit(cameras, a, b);

        b.coordinator.stop();
        assertThat(b.running()).isEmpty();
        assertThat(owner.queryForObject("SELECT count(*) FROM camera_leases WHERE worker_id = ?", Integer.class,
                b.id())).isZero();
        assertThat(owner.queryForObject("SELECT count(*) FROM workers WHERE id = ?", Integer.class, b.id())).isZero();
        awaitSplit(cameras, a);
    }

    @Test
    void sourceEditsRestartTheCameraDetectionEditsApplyLiveDeactivationAndDeletionStopIt() {
        List<UUID> cameras = cameras(3);
        UUID edited = cameras.get(0);
        UUID deactivated = cameras.get(1);
        UUID touched = cameras.get(2);
        Worker a = worker("a");
        Worker b = worker("b");
        awaitSplit(cameras, a, b);

        owner.update("UPDATE cameras SET target_fps = 1.5, updated_at = now() WHERE id = ?", edited);
        await().atMost(Duration.ofSeconds(5)).until(() -> probe.restarts(edited) == 1);
        assertThat(configReader.read(edited)).hasValueSatisfying(config -> {
            assertThat(config.targetFps()).isEqualTo(1.5);
            assertThat(config.toString()).doesNotContain("credentials");
        });

        // The pipeline's own status writes are not edits; the zone polygon, mode and threshold are,
        // applied to the running camera without reconnecting it.
        owner.update("UPDATE cameras SET status = 'online', last_seen = now(), updated_at = now() WHERE id = ?",
                touched);
        owner.update("UPDATE cameras SET zone_polygon = '[[0,0],[1,0],[1,1]]', updated_at = now() WHERE id = ?",
                edited);
        await().atMost(Duration.ofSeconds(5)).until(() -> probe.reconfigures(edited) == 1);
        owner.update("UPDATE cameras SET detection_mode = 'ppe+zone', confidence_threshold = 0.7, "
                + "updated_at = now() WHERE id = ?", edited);
        await().atMost(Duration.ofSeconds(5)).until(() -> probe.reconfigures(edited) == 2);
        owner.update("UPDATE cameras SET inference_width = 1280, updated_at = now() WHERE id = ?", edited);
        await().atMost(Duration.ofSeconds(5)).until(() -> probe.restarts(edited) == 2);
        assertThat(probe.reconfigures(edited)).isEqualTo(2);
        assertThat(probe.restarts(touched)).isZero();
        assertThat(probe.reconfigures(touched)).isZero();

        owner.update("UPDATE cameras SET is_active = false, updated_at = now() WHERE id = ?", deactivated);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(union(a.running(), b.running())).doesNotContain(deactivated);
            assertThat(leaseOwners()).doesNotContainKey(deactivated);
        });

        owner.update("DELETE FROM cameras WHERE id = ?", edited);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(union(a.running(), b.running())).doesNotContain(edited));
        assertThat(configReader.read(edited)).isEmpty();

        owner.update("UPDATE cameras SET is_active = true, updated_at = now() WHERE id = ?", deactivated);
        awaitSplit(List.of(deactivated, touched), a, b);
    }

    @Test
    void aRenameReachesTheRunningCameraWithoutReconnectingAndTheZoneLabelChangesNothing() {
        UUID camera = cameras(1).get(0);
        Worker a = worker("a");
        awaitSplit(List.of(camera), a);

        // The live frame's overlay shows the name: a rename is applied to the running camera.
        owner.update("UPDATE cameras SET name = 'North gate', updated_at = now() WHERE id = ?", camera);
        await().atMost(Duration.ofSeconds(5)).until(() -> probe.reconfigures(camera) == 1);
        assertThat(probe.restarts(camera)).isZero();
        assertThat(configReader.read(camera)).hasValueSatisfying(config ->
                assertThat(config.name()).isEqualTo("North gate"));

        // The zone label is for people only: neither fingerprint follows it.
        String fingerprints = "SELECT " + CameraConfigReader.SOURCE_FINGERPRINT + " || "
                + CameraConfigReader.ANALYSIS_FINGERPRINT + " FROM cameras c WHERE id = ?";
        String before = owner.queryForObject(fingerprints, String.class, camera);
        owner.update("UPDATE cameras SET zone = 'Scaffold', updated_at = now() WHERE id = ?", camera);
        assertThat(owner.queryForObject(fingerprints, String.class, camera)).isEqualTo(before);
    }

    @Test
    void theOrganisationsPrivacyModeReachesItsRunningCamerasWithoutReconnecting() {
        List<UUID> cameras = cameras(2);
        Worker a = worker("a");
        awaitSplit(cameras, a);
        assertThat(configReader.read(cameras.get(0))).hasValueSatisfying(
                config -> assertThat(config.privacyMode()).as("on for a new organisation").isTrue());

        owner.update("UPDATE organizations SET privacy_mode = false WHERE id = "
                + "(SELECT organization_id FROM cameras WHERE id = ?)", cameras.get(0));
        for (UUID camera : cameras) {
            await().atMost(Duration.ofSeconds(5)).until(() -> probe.reconfigures(camera) == 1);
            assertThat(probe.restarts(camera)).isZero();
            assertThat(configReader.read(camera)).hasValueSatisfying(
                    config -> assertThat(config.privacyMode()).isFalse());
        }
    }

    @Test
    void aWorkerCutOffFromTheDatabaseStopsItsCamerasBeforeOthersTakeThem() {
        List<UUID> cameras = cameras(6);
        Worker a = worker("a");
        Worker b = worker("b");
        awaitSplit(cameras, a, b);
        Set<UUID> stranded = a.running();

        // The recorder of a keeps running: only a's own fencing can keep the probe clean.
        a.partitioned.set(true);
        await().atMost(MOVE_WITHIN).untilAsserted(() -> {
            assertThat(a.running()).isEmpty();
            assertThat(b.running()).containsAll(stranded);
        });

        a.partitioned.set(false);
        awaitSplit(cameras, a, b);
    }

    @Test
    void workersComingAndGoingNeverShareACamera() {
        List<UUID> cameras = cameras(12);
        Worker a = worker("a");
        Worker b = worker("b");
        awaitSplit(cameras, a, b);
        Worker c = worker("c");
        awaitSplit(cameras, a, b, c);
        b.crash();
        Worker d = worker("d");
        awaitSplit(cameras, a, c, d);
        c.coordinator.stop();
        awaitSplit(cameras, a, d);
        Worker e = worker("e");
        awaitSplit(cameras, a, d, e);
        assertThat(probe.samples()).isPositive();
    }

    // --- helpers ------------------------------------------------------------------------------

    private Worker worker(String name) {
        Worker worker = new Worker(name);
        workers.add(worker);
        worker.coordinator.start();
        return worker;
    }

    /** Waits until the workers together run exactly these cameras, each count within one of the others. */
    private void awaitSplit(List<UUID> cameras, Worker... running) {
        await().atMost(MOVE_WITHIN).untilAsserted(() -> {
            List<Set<UUID>> sets = new ArrayList<>();
            for (Worker worker : running) {
                sets.add(worker.running());
            }
            Set<UUID> all = new HashSet<>();
            sets.forEach(all::addAll);
            assertThat(all).containsExactlyInAnyOrderElementsOf(cameras);
            int min = sets.stream().mapToInt(Set::size).min().orElseThrow();
            int max = sets.stream().mapToInt(Set::size).max().orElseThrow();
            assertThat(max - min).as("counts %s", sets.stream().map(Set::size).toList()).isLessThanOrEqualTo(1);
            assertThat(sets.stream().mapToInt(Set::size).sum()).isEqualTo(cameras.size());
        });
    }

    private List<UUID> cameras(int count) {
        UUID organization = UUID.randomUUID();
        owner.update("INSERT INTO organizations (id, name, slug, max_cameras, max_users) VALUES (?, ?, ?, 100, 10)",
                organization, "Fleet " + organization, "fleet-" + organization);
        List<UUID> cameras = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID camera = UUID.randomUUID();
            owner.update("""
                    INSERT INTO cameras (id, organization_id, name, source_type, rtsp_url, created_at, updated_at)
                    VALUES (?, ?, ?, 'rtsp', 'rtsp://127.0.0.1:8554/cam', now() + ? * interval '1 millisecond', now())
                    """, camera, organization, "Camera " + i, i);
            cameras.add(camera);
        }
        return cameras;
    }

    private Map<UUID, UUID> leaseOwners() {
        Map<UUID, UUID> owners = new java.util.HashMap<>();
        owner.query("SELECT camera_id, worker_id FROM camera_leases WHERE expires_at > now()",
                rs -> {
                    owners.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                });
        return owners;
    }

    private static Map<UUID, UUID> runningBy(Worker... workers) {
        Map<UUID, UUID> running = new java.util.HashMap<>();
        for (Worker worker : workers) {
            worker.running().forEach(camera -> running.put(camera, worker.id()));
        }
        return running;
    }

    private <T> T registry(Supplier<T> work) {
        return new SystemTransactions(transactionManager).call(work);
    }

    private static Set<UUID> union(Set<UUID> first, Set<UUID> second) {
        Set<UUID> union = new HashSet<>(first);
        union.addAll(second);
        return union;
    }

    /** One simulated worker process: a coordinator, its pipeline, and a switch that cuts its database. */
    private final class Worker implements CameraAssignments {

        final String name;
        final LeaseCoordinator coordinator;
        final AtomicBoolean partitioned = new AtomicBoolean();
        private final Set<UUID> running = ConcurrentHashMap.newKeySet();

        Worker(String name) {
            this.name = name;
            SystemTransactions transactions = new SystemTransactions(transactionManager) {
                @Override
                public <T> T call(Supplier<T> work) {
                    if (partitioned.get()) {
                        throw new IllegalStateException("database unreachable");
                    }
                    return super.call(work);
                }
            };
            this.coordinator = new LeaseCoordinator(new WorkerIdentity(UUID.randomUUID(), "host-" + name, 100),
                    SHORT, new FleetTables(registry, leases, transactions), this);
        }

        UUID id() {
            return coordinator.identity().id();
        }

        Set<UUID> running() {
            return Set.copyOf(running);
        }

        /** The process dies: nothing is released, and its pipeline dies with it. */
        void crash() {
            coordinator.crash();
            for (UUID camera : List.copyOf(running)) {
                running.remove(camera);
                probe.stopped(camera, name);
            }
        }

        @Override
        public void start(UUID cameraId) {
            probe.started(cameraId, name);
            running.add(cameraId);
        }

        @Override
        public void restart(UUID cameraId) {
            probe.restarted(cameraId, name, running.contains(cameraId));
        }

        @Override
        public void reconfigure(UUID cameraId) {
            probe.reconfigured(cameraId, name, running.contains(cameraId));
        }

        @Override
        public void stop(UUID cameraId) {
            running.remove(cameraId);
            probe.stopped(cameraId, name);
        }
    }

    /**
     * Which workers run each camera, updated atomically per camera on every start and stop, and
     * sampled by its own thread: any instant with two runners is a violation.
     */
    private static final class Probe {

        final List<String> violations = new CopyOnWriteArrayList<>();
        private final Map<UUID, Set<String>> runners = new ConcurrentHashMap<>();
        private final Map<UUID, Integer> restarts = new ConcurrentHashMap<>();
        private final Map<UUID, Integer> reconfigures = new ConcurrentHashMap<>();
        private volatile boolean watching;
        private volatile long samples;
        private Thread thread;

        void started(UUID camera, String worker) {
            runners.compute(camera, (id, current) -> {
                Set<String> next = new HashSet<>(current == null ? Set.of() : current);
                next.add(worker);
                if (next.size() > 1) {
                    violations.add(camera + " started by " + worker + " while run by " + current);
                }
                return Set.copyOf(next);
            });
        }

        void stopped(UUID camera, String worker) {
            runners.computeIfPresent(camera, (id, current) -> {
                Set<String> next = new HashSet<>(current);
                next.remove(worker);
                return next.isEmpty() ? null : Set.copyOf(next);
            });
        }

        void restarted(UUID camera, String worker, boolean runsIt) {
            if (!runsIt) {
                violations.add(camera + " restarted by " + worker + ", which does not run it");
            }
            restarts.merge(camera, 1, Integer::sum);
        }

        int restarts(UUID camera) {
            return restarts.getOrDefault(camera, 0);
        }

        void reconfigured(UUID camera, String worker, boolean runsIt) {
            if (!runsIt) {
                violations.add(camera + " reconfigured by " + worker + ", which does not run it");
            }
            reconfigures.merge(camera, 1, Integer::sum);
        }

        int reconfigures(UUID camera) {
            return reconfigures.getOrDefault(camera, 0);
        }

        long samples() {
            return samples;
        }

        void start() {
            watching = true;
            thread = new Thread(() -> {
                while (watching) {
                    runners.forEach((camera, workers) -> {
                        if (workers.size() > 1) {
                            violations.add(camera + " run by " + workers);
                        }
                    });
                    samples++;
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "uniqueness-probe");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            watching = false;
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
