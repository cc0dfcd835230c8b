package io.hardhats.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.hardhats.retention.ExpiredEvents;
import io.hardhats.support.ApiTest;
import io.hardhats.support.TenantData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A frame several events share (the violations of one moment) stays while any of them does:
 * removing one event, by a user or by retention, takes its own thumbnail, not the shared frame;
 * removing the last takes the frame too.
 */
class SharedEventBlobsTest extends ApiTest {

    @Autowired
    TenantData data;
    @Autowired
    ExpiredEvents expired;

    @Test
    void aDeletedEventLeavesTheFrameItSharesAndTheLastOneTakesIt() {
        Member admin = register("Shared frame deleted");
        UUID camera = createCamera(admin, "Gate");
        UUID first = eventWithPictures(admin, camera, Instant.now());
        UUID second = data.event(admin.organizationId(), camera, ViolationType.NO_VEST, Instant.now());
        data.sameFrame(admin.organizationId(), first, second);

        assertThat(admin.client().delete("/api/v1/events/" + first).status()).isEqualTo(204);

        assertThat(admin.client().get("/api/v1/events/" + second + "/frame").status())
                .as("the other event keeps the frame").isEqualTo(200);
        assertThat(data.blobs(admin.organizationId())).as("the frame only").isEqualTo(1);

        assertThat(admin.client().delete("/api/v1/events/" + second).status()).isEqualTo(204);
        assertThat(data.blobs(admin.organizationId())).isZero();
    }

    @Test
    void retentionLeavesTheFrameAKeptEventShares() {
        Member admin = register("Shared frame expired");
        UUID camera = createCamera(admin, "Gate");
        UUID old = eventWithPictures(admin, camera, Instant.now().minus(Duration.ofDays(30)));
        UUID recent = data.event(admin.organizationId(), camera, ViolationType.NO_VEST, Instant.now());
        data.sameFrame(admin.organizationId(), old, recent);

        assertThat(expired.deleteBatch(admin.organizationId(), Instant.now().minus(Duration.ofDays(1)), 10))
                .isEqualTo(1);

        assertThat(admin.client().get("/api/v1/events/" + old).status()).isEqualTo(404);
        assertThat(admin.client().get("/api/v1/events/" + recent + "/frame").status()).isEqualTo(200);
        assertThat(data.blobs(admin.organizationId())).as("the frame only").isEqualTo(1);
    }

    private UUID eventWithPictures(Member member, UUID camera, Instant at) {
        UUID event = data.event(member.organizationId(), camera, ViolationType.NO_HARDHAT, at);
        data.pictures(member.organizationId(), event);
        return event;
    }
}
