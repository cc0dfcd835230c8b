package io.hardhats.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.hardhats.support.ApiClient;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The all-in-one jar as users run it: two installations side by side from two data folders,
 * each with the embedded PostgreSQL it started, and what happens to that database when things
 * go wrong (a second process on the same folder, a stranger without the password, a killed
 * server, a crash of Java). The steps share the two running processes, in order, because
 * every start costs minutes on a small machine. Logs go to target/embedded-db-it/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseIT {

    private static final Path OUT = Path.of("target", "embedded-db-it").toAbsolutePath();
    private static final Duration RECOVERY = Duration.ofMinutes(2);
    private static final String PASSWORD = "Str0ng-Passw0rd";

    private static AllInOneProcess first;
    private static AllInOneProcess second;
    private static ApiClient firstAdmin;
    private static ApiClient secondAdmin;

    @BeforeAll
    static void startTwoInstallations() throws Exception {
        deleteRecursively(OUT);
        // The first keeps product settings (fsync on) for the crash step; the second saves time.
        first = AllInOneProcess.start("first", OUT.resolve("first-data"), true);
        second = AllInOneProcess.start("second", OUT.resolve("second-data"), false);
        first.awaitReady();
        second.awaitReady();
        firstAdmin = register(first, "First Builders", "ann@first.example");
        secondAdmin = register(second, "Second Builders", "bob@second.example");
    }

    @AfterAll
    static void stopBoth() throws Exception {
        for (AllInOneProcess process : new AllInOneProcess[] {first, second}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    @Order(1)
    void eachDataFolderHasAServerOfItsOwn() throws Exception {
        assertThat(first.databasePort()).isNotEqualTo(second.databasePort());
        String firstCamera = createCamera(firstAdmin, "First gate");
        String secondCamera = createCamera(secondAdmin, "Second gate");

        // Each worker leases only its own installation's cameras.
        first.await("a lease on the first camera", RECOVERY, () -> leasedCameras(first).contains(firstCamera));
        second.await("a lease on the second camera", RECOVERY, () -> leasedCameras(second).contains(secondCamera));
        assertThat(rows(first, "SELECT name FROM organizations")).containsExactly("First Builders");
        assertThat(rows(second, "SELECT name FROM organizations")).containsExactly("Second Builders");
        assertThat(rows(first, "SELECT id::text FROM cameras")).containsExactly(firstCamera);
        assertThat(rows(second, "SELECT id::text FROM cameras")).containsExactly(secondCamera);
        assertThat(leasedCameras(first)).containsExactly(firstCamera);
        assertThat(leasedCameras(second)).containsExactly(secondCamera);
        assertThat(firstAdmin.get("/api/v1/cameras/" + secondCamera).status()).isEqualTo(404);

        // The binaries and the secrets are the user's alone.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.dataDir.resolve("postgres-binaries"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.dataDir.resolve("secrets.properties"))))
                .isEqualTo("rw-------");
        assertThat(rows(first, "SHOW fsync")).containsExactly("on");
        assertThat(rows(first, "SHOW synchronous_commit")).containsExactly("on");
        assertThat(rows(first, "SHOW listen_addresses")).containsExactly("127.0.0.1");
        assertThat(first.logText()).doesNotContain("You can now start the database server");
    }

    @Test
    @Order(2)
    void aSecondProcessOnTheSameDataFolderRefusesToStart() throws Exception {
        AllInOneProcess intruder = AllInOneProcess.start("intruder", first.dataDir, true);
        assertThat(intruder.process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(intruder.process.exitValue()).isNotZero();
        assertThat(intruder.logText()).contains("Another Hard Hats process is already running on the data folder "
                + first.dataDir);
        assertThat(first.status("/health/ready")).isEqualTo(200);
    }

    @Test
    @Order(3)
    void theServerLetsNobodyInWithoutThePassword() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + first.databasePort() + "/postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        try (Connection connection = first.database()) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    @Order(4)
    void aKilledServerComesBackAndMeanwhileRequestsFailFast() throws Exception {
        int port = first.databasePort();
        long killed = first.postmasterPid();
        // The outage lasts as long as this test holds the server's port: the watchdog's restarts fail meanwhile.
        try (ServerSocket squatter = killAndTakePort(port)) {
            long started = System.nanoTime();
            HttpResult cameras = firstAdmin.get("/api/v1/cameras");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(cameras.status()).as(cameras.toString()).isEqualTo(503);
            assertThat(cameras.text("error")).isEqualTo("database_unavailable");
            assertThat(cameras.text("detail")).isNotBlank();
            // Well inside the 30 s a request used to hang before failing.
            assertThat(took).isLessThan(Duration.ofSeconds(15));
            HttpResult ready = readiness(first);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().path("checks").path("database").asString()).isEqualTo("failed");
            first.await("a failed restart", RECOVERY, () -> first.logText().contains("did not restart yet"));
        }
        first.await("a new embedded PostgreSQL", RECOVERY, () -> {
            try {
                return first.postmasterPid() != killed && first.status("/health/ready") == 200;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
        assertThat(first.process.isAlive()).isTrue();
        assertThat(first.databasePort()).isEqualTo(port);
        assertThat(first.logText()).contains("The embedded PostgreSQL stopped unexpectedly")
                .contains("Embedded PostgreSQL running again on port " + port);
        assertThat(firstAdmin.get("/api/v1/cameras").status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void stoppingOneInstallationLeavesTheOtherWorking() throws Exception {
        assertThat(second.stop()).isIn(0, 143);
        assertThat(second.logText()).contains("Embedded PostgreSQL stopped");
        assertThat(first.status("/health/ready")).isEqualTo(200);
        assertThat(createCamera(firstAdmin, "After the other stopped")).isNotBlank();
    }

    @Test
    @Order(7)
    void aCrashOfJavaLosesNoConfirmedWrite() throws Exception {
        List<String> confirmed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            confirmed.add(createCamera(firstAdmin, "Confirmed " + i));
        }
        long orphan = first.postmasterPid();
        first.kill();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        first = AllInOneProcess.start("first-again", first.dataDir, true).awaitReady();
        assertThat(first.logText()).contains("left running by an earlier Hard Hats process");
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        ApiClient again = new ApiClient(first.port).withSessionCookie(firstAdmin.sessionCookie());
        for (String camera : confirmed) {
            assertThat(again.get("/api/v1/cameras/" + camera).status()).as(camera).isEqualTo(200);
        }
        assertThat(first.stop()).isIn(0, 143);
        assertThat(first.logText()).contains("Embedded PostgreSQL stopped");
    }

    /** The first request of a fresh process is slow on a loaded machine: it gets a patient client of its own. */
    private static ApiClient register(AllInOneProcess process, String organization, String email) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        process.uri("/api/v1/auth/register"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.toJson(Map.of("organization_name", organization,
                        "email", email, "password", PASSWORD, "full_name", "Admin"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String cookie = response.headers().allValues("set-cookie").stream()
                .filter(value -> value.startsWith("session="))
                .map(value -> value.substring("session=".length(), value.indexOf(';')))
                .findFirst().orElseThrow();
        return new ApiClient(process.port).withSessionCookie(cookie);
    }

    /**
     * Creates a camera as a well-behaved client would: a 503 (the database came back moments ago
     * and the pool is still replacing a connection) wrote nothing and says to try again.
     */
    private static String createCamera(ApiClient admin, String name) throws InterruptedException {
        HttpResult result = admin.post("/api/v1/cameras", Map.of("name", name, "source_type", "file"));
        for (int retry = 0; retry < 3 && result.status() == 503; retry++) {
            Thread.sleep(1000);
            result = admin.post("/api/v1/cameras", Map.of("name", name, "source_type", "file"));
        }
        assertThat(result.status()).as(result.toString()).isEqualTo(201);
        return result.text("id");
    }

    private static HttpResult readiness(AllInOneProcess process) {
        return new ApiClient(process.port).get("/health/ready");
    }

    private static Set<String> leasedCameras(AllInOneProcess process) {
        try {
            return rows(process, "SELECT camera_id::text FROM camera_leases");
        } catch (Exception e) {
            return Set.of();
        }
    }

    private static Set<String> rows(AllInOneProcess process, String sql) throws Exception {
        Set<String> values = new TreeSet<>();
        try (Connection connection = process.database(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /**
     * Kills the server and binds its port the moment it is free. Should the watchdog win the race
     * for the port, its new server is killed in turn.
     */
    private static ServerSocket killAndTakePort(int port) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            long pid = first.postmasterPid();
            assertThat(new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor()).isZero();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
                } catch (IOException taken) {
                    AllInOneProcess.pause(Duration.ofMillis(1));
                }
            }
            first.await("the restarted server", RECOVERY, () -> first.status("/health/ready") == 200);
        }
        throw new AssertionError("the watchdog always took the port back first");
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
