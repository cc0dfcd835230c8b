package io.hardhats.events;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/v1/events/{id}/clip}: the whole clip, byte ranges for seeking (across the 1 MiB
 * chunks the clip is stored in), 416 past the end, and 404 for no clip or another organisation's.
 */
class EventClipApiTest extends ApiTest {

    /** Over two stored chunks, so ranges cross a chunk boundary. */
    private static final byte[] VIDEO = randomBytes(2 * 1024 * 1024 + 12_345);
    private static final int MIB = 1024 * 1024;

    @Autowired
    private TenantData data;

    private Member admin;
    private UUID event;

    @BeforeEach
    void eventWithClip() {
        admin = register("Clip Corp");
        UUID camera = createCamera(admin, "Gate");
        event = data.event(admin.organizationId(), camera, ViolationType.NO_HARDHAT, Instant.now());
        data.clip(admin.organizationId(), event, VIDEO);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(14).nextBytes(bytes);
        return bytes;
    }

    private HttpResponse<byte[]> clip(String range) {
        ApiClient client = new ApiClient(port).withSessionCookie(admin.client().sessionCookie());
        if (range != null) {
            client.header("Range", range);
        }
        return client.getBytes("/api/v1/events/" + event + "/clip");
    }

    @Test
    void theWholeClipWithItsTypeAndRangeSupport() {
        HttpResponse<byte[]> whole = clip(null);

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(VIDEO);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(VIDEO.length);
        assertThat(admin.client().get("/api/v1/events/" + event).json().path("clip_kind").asString())
                .isEqualTo("stream_copy");
    }

    @Test
    void aRangeAnswers206WithExactlyThoseBytes() {
        int from = MIB - 100;
        int to = MIB + 99; // across the first chunk boundary
        HttpResponse<byte[]> part = clip("bytes=" + from + "-" + to);

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(VIDEO, from, to + 1));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes " + from + "-" + to + "/" + VIDEO.length);
        assertThat(part.headers().firstValueAsLong("Content-Length")).hasValue(200);

        HttpResponse<byte[]> open = clip("bytes=" + (2 * MIB) + "-");
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(VIDEO, 2 * MIB, VIDEO.length));

        HttpResponse<byte[]> tail = clip("bytes=-500");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(VIDEO, VIDEO.length - 500, VIDEO.length));

        HttpResponse<byte[]> beyondEnd = clip("bytes=0-" + (VIDEO.length + 1000));
        assertThat(beyondEnd.statusCode()).isEqualTo(206);
        assertThat(beyondEnd.body()).isEqualTo(VIDEO);
    }

    @Test
    void aRangePastTheEndAnswers416WithTheSize() {
        HttpResponse<byte[]> refused = clip("bytes=" + VIDEO.length + "-");

        assertThat(refused.statusCode()).isEqualTo(416);
        assertThat(refused.headers().firstValue("Content-Range")).hasValue("bytes */" + VIDEO.length);
        assertError(new HttpResult(416, refused.headers(), new String(refused.body())), 416, "range_not_satisfiable");

        HttpResponse<byte[]> none = clip("bytes=-0");
        assertThat(none.statusCode()).isEqualTo(416);
        assertThat(none.headers().firstValue("Content-Range")).hasValue("bytes */" + VIDEO.length);
    }

    @Test
    void aRangeTheServerDoesNotServeGetsTheWholeClip() {
        for (String ignored : new String[] {"bytes=5-2", "bytes=0-1,5-9", "items=0-1", "bytes=x-"}) {
            HttpResponse<byte[]> whole = clip(ignored);
            assertThat(whole.statusCode()).as(ignored).isEqualTo(200);
            assertThat(whole.body()).as(ignored).isEqualTo(VIDEO);
        }
    }

    @Test
    void noClipOrAnotherOrganisationsClipIsNotFound() {
        UUID withoutClip = data.event(admin.organizationId(), createCamera(admin, "Crane"), ViolationType.NO_VEST,
                Instant.now());
        assertError(admin.client().get("/api/v1/events/" + withoutClip + "/clip"), 404, "not_found");
        assertThat(admin.client().get("/api/v1/events/" + withoutClip).json().path("clip_kind").isNull()).isTrue();

        Member stranger = register("Other Corp");
        assertError(stranger.client().get("/api/v1/events/" + event + "/clip"), 404, "not_found");
    }

    @Test
    void deletingTheEventDeletesItsClip() {
        long before = data.blobs(admin.organizationId());
        assertThat(admin.client().delete("/api/v1/events/" + event).status()).isEqualTo(204);
        assertThat(data.blobs(admin.organizationId())).isEqualTo(before - 1);
        assertError(admin.client().get("/api/v1/events/" + event + "/clip"), 404, "not_found");
    }
}
