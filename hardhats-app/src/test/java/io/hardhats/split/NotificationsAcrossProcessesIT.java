package io.hardhats.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.hardhats.TestDatabase;
import io.hardhats.ingest.RtspTestServer;
import io.hardhats.notifications.VerifyingWebhookReceiver;
import io.hardhats.notifications.VerifyingWebhookReceiver.Mode;
import io.hardhats.support.ApiClient;
import io.hardhats.support.HttpResult;
import io.hardhats.vision.SharedFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Webhook notifications across processes: two web and two worker jars share one PostgreSQL and
 * one Redis; two RTSP cameras (GStreamer's server, real site footage, the reference model, a zone
 * over the whole picture) raise violations; a receiver in this JVM ({@link VerifyingWebhookReceiver})
 * checks each request's signature with its channel's secret and keeps its delivery key. Both
 * workers run a dispatcher, the web instances none. The steps share the processes, in order,
 * since each start costs minutes on a small machine; logs go to target/notifications-e2e/.
 *
 * <p>"Exactly once" is asserted for every delivery row of the organisation: the receiver answered
 * 200 once for its channel and key ({@code X-Hardhats-Delivery}: the event's id, or a test's
 * delivery id), for no key without a row, and every row is delivered. The one case in which the
 * product may send a message twice (a dispatcher killed after the receiver's 200, before the
 * result was recorded; README, "Notifications") is kept out by construction, not tolerated: before
 * the kill the receiver has stopped answering 200, and every 200 it gave has been recorded, so no
 * delivery is in that state when the workers die. Requests the receiver refused or held may come
 * again (that is the point); only acceptances are counted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsAcrossProcessesIT {

    private static final Path OUT = Path.of("target", "notifications-e2e").toAbsolutePath();
    /**
     * Generous: three JVMs start at once, perhaps on a loaded two-core machine. Waits poll and end
     * as soon as their condition holds.
     */
    private static final Duration START = Duration.ofMinutes(10);
    private static final Duration LIVE = Duration.ofMinutes(6);
    private static final String PASSWORD = "Notify-across-2024";
    private static final List<List<Double>> WHOLE_PICTURE = List.of(List.of(0.0, 0.0), List.of(1.0, 0.0),
            List.of(1.0, 1.0), List.of(0.0, 1.0));
    /** Receiver paths of the two channels, one created through each web instance. */
    private static final List<String> CHANNELS = List.of("site-office", "safety-lead");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static ServiceProcess redis;
    private static ServiceProcess webA;
    private static ServiceProcess webB;
    private static ServiceProcess workerA;
    private static ServiceProcess workerB;
    private static Map<String, String> workerAEnv;
    private static RtspTestServer rtsp;
    private static VerifyingWebhookReceiver receiver;
    private static ApiClient viaA;
    private static ApiClient viaB;
    private static UUID organization;
    private static final Map<UUID, String> channelNames = new HashMap<>();
    private static final List<UUID> cameras = new ArrayList<>();

    @BeforeAll
    static void startTwoWebsAndTwoWorkers() throws Exception {
        Files.createDirectories(OUT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services().forEach(ServiceProcess::destroyNow),
                "notifications-e2e-cleanup"));
        int redisPort = ServiceProcess.freePort();
        redis = ServiceProcess.redis(redisPort, OUT);
        rtsp = RtspTestServer.start(SharedFiles.siteClip("site-helmets-wide.mp4"));
        receiver = new VerifyingWebhookReceiver();
        Map<String, String> env = ServiceProcess.deployment(TestDatabase.url(), redisPort);
        // The tests send more test messages through one channel than its 15-minute limit allows.
        env.put("HARDHATS_NOTIFICATIONS_TEST_SENDS_PER_CHANNEL", "100");
        env.put("HARDHATS_NOTIFICATIONS_TEST_SENDS_PER_ORGANIZATION", "100");

        int portA = ServiceProcess.freePort();
        webA = ServiceProcess.jar("web", "web-a", OUT, service(env, portA, "web-a"));
        // The first web migrates the schema; the others start once it is there.
        webA.await("web-a's /health/ready to answer 200", START, () -> ready(portA));
        int portB = ServiceProcess.freePort();
        webB = ServiceProcess.jar("web", "web-b", OUT, service(env, portB, "web-b"));
        workerAEnv = worker(env, "worker-a");
        workerA = ServiceProcess.jar("worker", "worker-a", OUT, workerAEnv);
        workerB = ServiceProcess.jar("worker", "worker-b", OUT, worker(env, "worker-b"));
        webB.await("web-b's /health/ready to answer 200", START, () -> ready(portB));

        viaA = new ApiClient(portA);
        HttpResult registered = viaA.post("/api/v1/auth/register", Map.of("organization_name", "Across Builders",
                "email", "across-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test",
                "password", PASSWORD, "full_name", "Ada Across"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        organization = UUID.fromString(registered.json().path("organization").path("id").asString());
        // The session of one web instance is good on the other: they share the signing key.
        viaB = new ApiClient(portB).withSessionCookie(viaA.sessionCookie());

        addChannel(viaA, CHANNELS.get(0));
        addChannel(viaB, CHANNELS.get(1));
        cameras.add(addCamera(viaA, "North gate"));
        cameras.add(addCamera(viaB, "Slab pour"));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ServiceProcess service : services()) {
            service.stop();
        }
        if (rtsp != null) {
            rtsp.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void twoWebAndTwoWorkerInstancesDeliverEachEventToEachChannelOnce() throws Exception {
        receiver.mode(Mode.ACCEPT);
        setCamerasActive(true);
        // "Send test" through both web instances, twice for each channel: both dispatchers are woken at once.
        for (ApiClient web : List.of(viaA, viaB)) {
            for (UUID channel : channelNames.keySet()) {
                sendTest(web, channel);
                sendTest(web, channel);
            }
        }
        ServiceProcess.await("a violation of each camera", LIVE, services(),
                () -> eventsByCamera().keySet().containsAll(cameras));

        setCamerasActive(false);
        awaitOutboxDrained();
        assertEachDeliveredOnce();
        assertThat(deliveries()).filteredOn(row -> row.purpose().equals("test")).hasSize(8);
    }

    @Test
    @Order(2)
    void deliveriesPendingWhenTheWorkersAreKilledGoOutOnceAfterARestart() throws Exception {
        receiver.mode(Mode.REFUSE);
        // From here on nothing is accepted; whatever was must be recorded before anything dies.
        ServiceProcess.await("every accepted request recorded as delivered", LIVE, services(),
                () -> deliveredKeys().containsAll(receiver.acceptedCounts().keySet()));
        Timestamp refusingSince = databaseNow();
        int eventsBefore = events().size();
        setCamerasActive(true);
        for (ApiClient web : List.of(viaA, viaB)) {
            for (UUID channel : channelNames.keySet()) {
                sendTest(web, channel);
            }
        }
        ServiceProcess.await("a new violation and a refused attempt", LIVE, services(),
                () -> events().size() > eventsBefore && retriesSince(refusingSince) > 0);
        // The next attempt waits for an answer that does not come: its delivery is claimed, in flight.
        receiver.mode(Mode.STALL);
        ServiceProcess.await("a request in flight", LIVE, services(),
                () -> receiver.held() > 0 && deliveries().stream().anyMatch(DeliveryRow::claimed));

        workerA.kill();
        workerB.kill();
        workerB = null; // only one worker comes back
        Map<UUID, DeliveryRow> atTheKill = deliveries().stream().filter(row -> !row.status().equals("delivered"))
                .collect(Collectors.toMap(DeliveryRow::id, Function.identity()));
        // The held requests are answered 503, to senders that are gone.
        receiver.mode(Mode.ACCEPT);
        setCamerasActive(false);
        workerA = ServiceProcess.jar("worker", "worker-a-restarted", OUT, workerAEnv);

        assertThat(atTheKill.values()).as("deliveries not delivered when the workers died")
                .anyMatch(row -> row.purpose().equals("alert"))
                .anyMatch(DeliveryRow::claimed);
        awaitOutboxDrained();
        assertEachDeliveredOnce();
        Map<String, Integer> accepted = receiver.acceptedCounts();
        assertThat(atTheKill.values()).allSatisfy(row -> assertThat(accepted.get(row.receiverKey()))
                .as("acceptances of %s", row).isEqualTo(1));
    }

    // --- the organisation's API, through either web instance ---

    private static void addChannel(ApiClient web, String name) {
        HttpResult created = web.post("/api/v1/notification-channels", Map.of("name", name, "kind", "webhook",
                "target", receiver.url(name), "storm", Map.of("max_alerts", 1000, "window_seconds", 10)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        receiver.secret(name, created.text("signing_secret"));
        channelNames.put(UUID.fromString(created.text("id")), name);
    }

    private static UUID addCamera(ApiClient web, String name) {
        HttpResult created = web.post("/api/v1/cameras", Map.of("name", name, "source_type", "rtsp",
                "rtsp_url", rtsp.url(), "target_fps", 1, "confidence_threshold", 0.3,
                "detection_mode", "ppe+zone", "zone_polygon", WHOLE_PICTURE, "is_active", false));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    private static void setCamerasActive(boolean active) {
        for (UUID camera : cameras) {
            HttpResult edited = viaA.put("/api/v1/cameras/" + camera, Map.of("is_active", active));
            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        }
    }

    private static void sendTest(ApiClient web, UUID channel) {
        HttpResult sent = web.post("/api/v1/notification-channels/" + channel + "/test", null);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    }

    // --- what the database and the receiver say ---

    /**
     * One outbox row.
     *
     * @param key what its request carries as X-Hardhats-Delivery: the event's id, a test's own id
     * @param claimed whether a dispatcher held it (claimed and not recorded)
     */
    private record DeliveryRow(UUID id, UUID channelId, String purpose, String status, String key, boolean claimed) {

        String receiverKey() {
            return channelNames.get(channelId) + "|" + key;
        }
    }

    /**
     * Waits until the cameras run nowhere (no live lease: a dead worker's has expired), every
     * delivery is delivered and the receiver's answer to each has been kept.
     */
    private static void awaitOutboxDrained() throws InterruptedException {
        ServiceProcess.await("the cameras stopped and every delivery accepted", START, services(), () ->
                liveLeases() == 0 && deliveries().stream().allMatch(row -> row.status().equals("delivered"))
                        && receiver.acceptedCounts().keySet().containsAll(deliveredKeys()));
    }

    private static void assertEachDeliveredOnce() {
        List<DeliveryRow> rows = deliveries();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.status()).as(row.toString())
                .isEqualTo("delivered"));
        Map<String, Integer> once = rows.stream().collect(Collectors.toMap(DeliveryRow::receiverKey, row -> 1));
        assertThat(receiver.acceptedCounts()).as("acceptances by channel and key").isEqualTo(once);
        assertThat(receiver.requests()).allSatisfy(request -> {
            assertThat(request.signed()).as("signature of %s", request).isTrue();
            assertThat(request.key()).isEqualTo(request.id());
        });
        // Every violation of the cameras went to each channel.
        Set<String> alerts = rows.stream().filter(row -> row.purpose().equals("alert")).map(DeliveryRow::receiverKey)
                .collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        for (String event : events()) {
            channelNames.values().forEach(channel -> expected.add(channel + "|" + event));
        }
        assertThat(alerts).isEqualTo(expected);
    }

    private static List<DeliveryRow> deliveries() {
        return query("""
                SELECT id, channel_id, purpose, status, coalesce(event_id, id)::text, claim_token IS NOT NULL
                FROM notification_deliveries WHERE organization_id = ?
                """, rs -> new DeliveryRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBoolean(6)), organization);
    }

    private static Set<String> deliveredKeys() {
        return deliveries().stream().filter(row -> row.status().equals("delivered")).map(DeliveryRow::receiverKey)
                .collect(Collectors.toSet());
    }

    private static List<String> events() {
        return query("SELECT id::text FROM events WHERE organization_id = ?", rs -> rs.getString(1), organization);
    }

    private static Map<UUID, Long> eventsByCamera() {
        return query("SELECT camera_id, count(*) FROM events WHERE organization_id = ? GROUP BY camera_id",
                rs -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)), organization).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long retriesSince(Timestamp since) {
        return query("""
                SELECT count(*) FROM notification_attempts WHERE organization_id = ? AND result = 'retry' AND at > ?
                """, rs -> rs.getLong(1), organization, since).get(0);
    }

    private static long liveLeases() {
        return query("""
                SELECT count(*) FROM camera_leases l JOIN cameras c ON c.id = l.camera_id
                WHERE c.organization_id = ? AND l.expires_at > now()
                """, rs -> rs.getLong(1), organization).get(0);
    }

    private static Timestamp databaseNow() {
        return query("SELECT now()", rs -> rs.getTimestamp(1)).get(0);
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A query as the database's owner, which row-level security does not restrict. */
    private static <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.url());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- processes ---

    private static List<ServiceProcess> services() {
        List<ServiceProcess> services = new ArrayList<>();
        for (ServiceProcess service : new ServiceProcess[] {workerA, workerB, webA, webB, redis}) {
            if (service != null) {
                services.add(service);
            }
        }
        return services;
    }

    private static Map<String, String> service(Map<String, String> deployment, int port, String name) {
        Map<String, String> env = new LinkedHashMap<>(deployment);
        env.put("PORT", Integer.toString(port));
        env.put("HARDHATS_DATA_DIR", OUT.resolve(name + "-data").toString());
        return env;
    }

    /**
     * A worker that retries within a second or two (not minutes) and takes over a dead
     * dispatcher's claims after 30 s; still longer than one attempt may take (10 s), so a live
     * dispatcher's claim is never taken from it.
     */
    private static Map<String, String> worker(Map<String, String> deployment, String name) throws IOException {
        Map<String, String> env = service(deployment, ServiceProcess.freePort(), name);
        env.put("HARDHATS_NOTIFICATIONS_DISPATCH_FIRST_RETRY", "1s");
        env.put("HARDHATS_NOTIFICATIONS_DISPATCH_MAX_RETRY_DELAY", "2s");
        env.put("HARDHATS_NOTIFICATIONS_DISPATCH_CLAIM_LEASE", "30s");
        return env;
    }

    private static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
