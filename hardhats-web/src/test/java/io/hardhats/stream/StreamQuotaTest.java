package io.hardhats.stream;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.hardhats.bus.LiveBus;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import io.hardhats.users.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Live streams and snapshot waits within their shares (ApiTest sets 50 streams per sign-in and
 * 60 per organisation; snapshot waits keep their default of 8 per organisation), opened by real
 * parallel requests.
 */
class StreamQuotaTest extends ApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int PER_SESSION = 50;
    private static final int PER_ORGANIZATION = 60;
    private static final int SNAPSHOT_WAITS = 8;

    @Autowired
    LiveBus bus;

    @Autowired
    TenantData data;

    private final List<InputStream> open = new ArrayList<>();

    @AfterEach
    void closeStreams() throws IOException {
        for (InputStream stream : open) {
            stream.close();
        }
    }

    @Test
    void aSignInAndItsOrganisationHoldTheirShareOfStreamsAndGetPlacesBackWhenViewersLeave() throws Exception {
        Member admin = register("Stream Quota Corp");
        UUID camera = createCamera(admin, "Gate");
        String mjpeg = "/api/stream/" + camera;

        List<HttpResult> refused = openAtOnce(PER_SESSION + 5, mjpeg, admin.client().sessionCookie());
        assertThat(refused).hasSize(5);
        for (HttpResult answer : refused) {
            assertThat(assertError(answer, 429, "too_many_streams")).contains("sign-in");
            assertThat(answer.header("Retry-After")).isPresent();
        }

        Member operator = addMember(admin, Role.OPERATOR);
        int organizationLeft = PER_ORGANIZATION - PER_SESSION;
        refused = openAtOnce(organizationLeft + 5, "/api/sse/events", operator.client().sessionCookie());
        assertThat(refused).hasSize(5);
        for (HttpResult answer : refused) {
            assertThat(assertError(answer, 429, "too_many_streams")).contains("organisation");
        }
        Member stranger = register("Stream Quota Neighbour");
        assertThat(openAtOnce(1, "/api/sse/events", stranger.client().sessionCookie()))
                .as("another organisation's share").isEmpty();

        // Five MJPEG viewers leave; the server finds them gone on its next write to each.
        for (InputStream viewer : open.subList(0, 5)) {
            viewer.close();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            bus.publishFrame(camera, StandInFrame.NO_SIGNAL.jpeg());
            return bus.listenerCount(LiveBus.frameChannel(camera)) == PER_SESSION - 5;
        });
        assertThat(openAtOnce(5, "/api/sse/events", operator.client().sessionCookie())).isEmpty();
        assertError(openAtOnce(1, mjpeg, admin.client().sessionCookie()).get(0), 429, "too_many_streams");
    }

    @Test
    void anOrganisationsSnapshotsWaitForAFrameOnlyWithinItsShare() throws Exception {
        Member admin = register("Snapshot Waits Corp");
        UUID camera = createCamera(admin, "Idle");
        assertThat(admin.client().put("/api/v1/cameras/" + camera, Map.of("target_fps", 0.25)).status()).isEqualTo(200);
        data.cameraReported(admin.organizationId(), camera, CameraStatus.ONLINE, Instant.now());
        String snapshot = "/api/stream/" + camera + "/snapshot";

        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            List<Future<HttpResponse<byte[]>>> waiting = new ArrayList<>();
            for (int i = 0; i < SNAPSHOT_WAITS; i++) {
                waiting.add(executor.submit(() -> admin.client().getBytes(snapshot)));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> viewers(camera) == SNAPSHOT_WAITS);

            HttpResponse<byte[]> beyond = admin.client().getBytes(snapshot);
            assertThat(beyond.statusCode()).isEqualTo(200);
            assertThat(beyond.headers().firstValue("X-Frame-Status")).as("answered without waiting").contains("no-signal");
            assertThat(viewers(camera)).isEqualTo(SNAPSHOT_WAITS);

            byte[] frame = StandInFrame.WAITING.jpeg();
            bus.publishFrame(camera, frame);
            for (Future<HttpResponse<byte[]>> answer : waiting) {
                HttpResponse<byte[]> response = answer.get(10, TimeUnit.SECONDS);
                assertThat(response.headers().firstValue("X-Frame-Status")).contains("live");
                assertThat(response.body()).isEqualTo(frame);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(viewers(camera)).as("every wait has ended").isZero();
    }

    private int viewers(UUID camera) {
        return bus.listenerCount(LiveBus.frameChannel(camera));
    }

    /**
     * Sends the requests all at once; keeps the streams that opened (closed after the test) and
     * answers the refusals.
     */
    private List<HttpResult> openAtOnce(int count, String path, String sessionCookie) throws Exception {
        List<Future<HttpResponse<InputStream>>> answers = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Cookie", "session=" + sessionCookie)
                    .header("Accept", path.startsWith("/api/sse") ? "text/event-stream" : "image/*,*/*;q=0.8")
                    .build();
            answers.add(executor.submit(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream())));
        }
        executor.shutdown();
        List<HttpResult> refused = new ArrayList<>();
        for (Future<HttpResponse<InputStream>> answer : answers) {
            HttpResponse<InputStream> response = answer.get(30, TimeUnit.SECONDS);
            if (response.statusCode() == 200) {
                open.add(response.body());
            } else {
                try (InputStream body = response.body()) {
                    refused.add(new HttpResult(response.statusCode(), response.headers(),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return refused;
    }
}
