package io.hardhats.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.bus.LiveBus;
import io.hardhats.bus.LiveMessage;
import io.hardhats.bus.RedisLiveBus;
import io.hardhats.events.EventView;
import io.hardhats.events.ViolationType;
import io.hardhats.support.ApiTest;
import io.hardhats.support.RedisServer;
import io.hardhats.support.ApiClient;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import io.hardhats.users.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Split deployment: two web instances share one real Redis. Both deliver what is published on
 * either, each holds one Redis subscription per watched camera, and live streams survive a Redis
 * restart without restarting web.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RedisLiveDeliveryTest extends ApiTest {

    private static final RedisServer REDIS = RedisServer.start();
    private static ConfigurableApplicationContext secondInstance;
    private static int secondPort;

    @Autowired
    LiveBus bus;

    @Autowired
    TenantData data;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("hardhats.redis-url", REDIS::url);
    }

    @BeforeAll
    static void startSecondInstance() {
        secondInstance = new SpringApplicationBuilder(HardhatsApplication.class).run("--server.port=0",
                "--hardhats.role=web", "--hardhats.secret-key=" + SECRET_KEY,
                "--hardhats.encryption-key=" + ENCRYPTION_KEY, "--hardhats.database-url=" + TestDatabase.url(),
                "--hardhats.redis-url=" + REDIS.url());
        secondPort = Integer.parseInt(secondInstance.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopAll() {
        if (secondInstance != null) {
            secondInstance.close();
        }
        REDIS.close();
    }

    private static byte[] jpeg(int marker, int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) marker);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        return bytes;
    }

    private long subscribers(String channel) {
        return REDIS.query(redis -> redis.pubsubNumsub(channel).getOrDefault(channel, 0L));
    }

    @Test
    void bothInstancesDeliverWithOneRedisSubscriptionEachPerCamera() throws Exception {
        assertThat(bus).isInstanceOf(RedisLiveBus.class);
        Member admin = register("Two Instances Corp");
        UUID camera = createCamera(admin, "Tower");
        String cookie = admin.client().sessionCookie();
        byte[] before = jpeg(1, 4_000);
        bus.publishFrame(camera, before);

        List<MjpegReader> viewers = new ArrayList<>();
        try (SseReader first = new SseReader(port, cookie, null); SseReader second = new SseReader(secondPort, cookie, null)) {
            for (int i = 0; i < 10; i++) {
                MjpegReader viewer = new MjpegReader(secondPort, "/api/stream/" + camera, cookie);
                assertThat(viewer.nextFrame()).as("latest frame from Redis").isEqualTo(before);
                viewers.add(viewer);
            }
            MjpegReader local = new MjpegReader(port, "/api/stream/" + camera, cookie);
            assertThat(local.nextFrame()).isEqualTo(before);
            viewers.add(local);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    subscribers(LiveBus.frameChannel(camera)) == 2 && subscribers(LiveBus.messageChannel(admin.organizationId())) == 2);

            byte[] frame = jpeg(2, 9_000);
            bus.publishFrame(camera, frame);
            for (MjpegReader viewer : viewers) {
                assertThat(viewer.nextFrame()).isEqualTo(frame);
            }

            UUID event = data.event(admin.organizationId(), camera, ViolationType.NO_HARDHAT, Instant.now());
            EventView view = json.readValue(admin.client().get("/api/v1/events/" + event).body(), EventView.class);
            bus.publishMessage(admin.organizationId(), LiveMessage.violation(view, json).toJson(json));
            assertThat(first.nextEvent(Duration.ofSeconds(10)).id()).isEqualTo(event.toString());
            assertThat(second.nextEvent(Duration.ofSeconds(10)).id()).isEqualTo(event.toString());
        } finally {
            for (MjpegReader viewer : viewers) {
                viewer.close();
            }
        }
    }

    @Test
    void aWorkerLearnsWhichCamerasAreWatchedOnAnyInstance() throws Exception {
        Member admin = register("Demand Corp");
        UUID streamed = createCamera(admin, "Streamed");
        UUID snapshotted = createCamera(admin, "Snapshotted");
        UUID unwatched = createCamera(admin, "Unwatched");
        Set<UUID> cameras = Set.of(streamed, snapshotted, unwatched);
        assertThat(bus.wantedFrames(cameras)).isEmpty();

        String cookie = admin.client().sessionCookie();
        bus.publishFrame(streamed, jpeg(7, 1_000));
        try (MjpegReader viewer = new MjpegReader(secondPort, "/api/stream/" + streamed, cookie)) {
            viewer.nextFrame();
            HttpResult snapshot = new ApiClient(secondPort).withSessionCookie(cookie)
                    .get("/api/stream/" + snapshotted + "/snapshot");
            assertThat(snapshot.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> bus.wantedFrames(cameras).equals(Set.of(streamed, snapshotted)));
        }
        // The instance notices the departed viewer when it writes the next frame, as the worker sends
        // while the camera is wanted.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
            bus.publishFrame(streamed, jpeg(8, 1_000));
            return bus.wantedFrames(cameras).equals(Set.of(snapshotted));
        });
    }

    @Test
    void streamsResumeAfterRedisRestarts() throws Exception {
        Member admin = register("Restart Corp");
        UUID camera = createCamera(admin, "Crane");
        String cookie = admin.client().sessionCookie();
        bus.publishFrame(camera, jpeg(3, 2_000));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (MjpegReader viewer = new MjpegReader(secondPort, "/api/stream/" + camera, cookie);
                SseReader events = new SseReader(secondPort, cookie, null)) {
            viewer.nextFrame();
            await().atMost(Duration.ofSeconds(10)).until(() -> subscribers(LiveBus.frameChannel(camera)) == 1);

            REDIS.restart();

            byte[] afterRestart = jpeg(4, 3_000);
            Future<byte[]> received = pool.submit(() -> {
                while (true) {
                    byte[] frame = viewer.nextFrame();
                    if (Arrays.equals(frame, afterRestart)) {
                        return frame;
                    }
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (!received.isDone() && System.nanoTime() < deadline) {
                bus.publishFrame(camera, afterRestart);
                Thread.sleep(250);
            }
            assertThat(received.get(1, TimeUnit.SECONDS)).isEqualTo(afterRestart);

            UUID event = data.event(admin.organizationId(), camera, ViolationType.NO_VEST, Instant.now());
            EventView view = json.readValue(admin.client().get("/api/v1/events/" + event).body(), EventView.class);
            bus.publishMessage(admin.organizationId(), LiveMessage.violation(view, json).toJson(json));
            assertThat(events.nextEvent(Duration.ofSeconds(15))).isNotNull()
                    .extracting(SseReader.Received::id).isEqualTo(event.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeactivationThroughOneInstanceEndsTheStreamsOnTheOther() throws Exception {
        Member admin = register("Two Instance Sessions");
        Member operator = addMember(admin, Role.OPERATOR);
        UUID camera = createCamera(admin, "Hoist");
        String cookie = operator.client().sessionCookie();
        try (MjpegReader video = new MjpegReader(secondPort, "/api/stream/" + camera, cookie);
                SseReader events = new SseReader(secondPort, cookie, null);
                SseReader adminEvents = new SseReader(secondPort, admin.client().sessionCookie(), null)) {
            video.nextFrame();
            assertThat(events.nextComment(Duration.ofSeconds(10))).isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> subscribers(LiveBus.SESSIONS_CHANNEL) == 2);

            assertThat(admin.client().delete("/api/v1/users/" + operator.userId()).status()).isEqualTo(204);

            assertThat(video.endsWithin(Duration.ofSeconds(10))).as("MJPEG on the other instance ended").isTrue();
            assertThat(events.endsWithin(Duration.ofSeconds(10))).as("SSE on the other instance ended").isTrue();
            assertThat(adminEvents.endsWithin(Duration.ofSeconds(2))).as("the admin's stream goes on").isFalse();
            assertThat(new ApiClient(secondPort).withSessionCookie(cookie)
                    .get("/api/v1/auth/me").status()).as("refused there at once, not after the cache time")
                    .isEqualTo(401);
        }
    }
}
