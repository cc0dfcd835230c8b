package io.hardhats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.hardhats.events.EventBlob;
import io.hardhats.events.ViolationType;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import io.hardhats.tenancy.SystemTransactions;
import io.hardhats.tenancy.TenantTransactions;
import io.hardhats.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Settings show what an organisation stores, by kind, and whether the plan's limit is reached;
 * at the limit events are still recorded, only clips are refused.
 */
class StorageApiTest extends ApiTest {

    @Autowired
    TenantData data;
    @Autowired
    StorageQuota quota;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TenantTransactions transactions;
    @Autowired
    SystemTransactions system;

    @Test
    void storageIsCountedByKindWithTheEvents() {
        Member admin = register("Storage counted");
        UUID camera = createCamera(admin, "Gate");
        UUID first = eventWithPictures(admin, camera);
        eventWithPictures(admin, camera);
        data.event(admin.organizationId(), camera, ViolationType.NO_VEST, Instant.now());

        JsonNode storage = storage(admin);

        assertThat(storage.path("bytes").path("thumbnails").asLong()).isEqualTo(sizes(admin, "thumbnail_path"));
        assertThat(storage.path("bytes").path("frames").asLong()).isEqualTo(sizes(admin, "frame_blob"));
        assertThat(storage.path("bytes").path("frames").asLong())
                .isGreaterThan(storage.path("bytes").path("thumbnails").asLong()).isPositive();
        assertThat(storage.path("total_bytes").asLong()).isEqualTo(storage.path("bytes").path("thumbnails").asLong()
                + storage.path("bytes").path("frames").asLong());
        assertThat(storage.path("events").asLong()).isEqualTo(3);
        assertThat(storage.path("limit_bytes").asLong()).isEqualTo(50L * 1024 * 1024 * 1024);
        assertThat(storage.path("limit_reached").asBoolean()).isFalse();

        assertThat(admin.client().delete("/api/v1/events/" + first).status()).isEqualTo(204);
        JsonNode after = storage(admin);
        assertThat(after.path("events").asLong()).isEqualTo(2);
        assertThat(after.path("bytes").path("frames").asLong()).isEqualTo(sizes(admin, "frame_blob"))
                .isLessThan(storage.path("bytes").path("frames").asLong());
        assertThat(after.path("total_bytes").asLong()).as("the running count follows removals")
                .isEqualTo(after.path("bytes").path("thumbnails").asLong() + after.path("bytes").path("frames").asLong());
    }

    @Test
    void eachOrganisationSeesItsOwnStorageAndOperatorsNone() {
        Member admin = register("Storage owner");
        eventWithPictures(admin, createCamera(admin, "Gate"));
        Member stranger = register("Storage stranger");
        Member manager = addMember(admin, Role.MANAGER);
        Member operator = addMember(admin, Role.OPERATOR);

        assertThat(storage(stranger).path("events").asLong()).isZero();
        assertThat(storage(stranger).path("total_bytes").asLong()).isZero();
        assertThat(storage(manager).path("events").asLong()).isEqualTo(1);
        HttpResult refused = operator.client().get("/api/v1/organization/storage");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("error")).isEqualTo("forbidden");
    }

    @Test
    void atTheLimitEventsAreStillRecordedButClipsAreRefused() {
        Member admin = register("Storage full");
        Member roomy = register("Storage roomy");
        UUID camera = createCamera(admin, "Gate");
        eventWithPictures(admin, camera);
        long stored = storage(admin).path("total_bytes").asLong();
        assertThat(fits(admin, 1_000)).isTrue();

        data.storageLimit(admin.organizationId(), stored + 500);

        assertThat(fits(admin, 1_000)).isFalse();
        assertThat(fits(admin, 500)).isTrue();
        assertThat(fits(roomy, 1_000)).isTrue();

        UUID recorded = eventWithPictures(admin, camera);
        assertThat(admin.client().get("/api/v1/events/" + recorded).status()).isEqualTo(200);
        JsonNode full = storage(admin);
        assertThat(full.path("limit_reached").asBoolean()).isTrue();
        assertThat(full.path("limit_bytes").asLong()).isEqualTo(stored + 500);
        assertThat(full.path("events").asLong()).isEqualTo(2);
        assertThat(fits(admin, 1)).isFalse();
        assertThat(admin.client().get("/api/v1/organization").json().path("max_storage_bytes").asLong())
                .isEqualTo(stored + 500);
        assertThat(storage(roomy).path("limit_reached").asBoolean()).isFalse();
    }

    /** Storage by kind counts what the trigger marks; retention removes what the enum lists: both agree. */
    @Test
    void theTriggerMarksEveryColumnEventBlobLists() {
        byte[] arguments = system.call(() -> jdbc.sql(
                "SELECT tgargs FROM pg_trigger WHERE tgname = 'events_mark_blobs'").query(byte[].class).single());
        List<String> columns = Arrays.stream(new String(arguments, StandardCharsets.UTF_8).split("\u0000"))
                .filter(column -> !column.isEmpty()).toList();

        assertThat(columns).containsExactlyElementsOf(EventBlob.columns());
    }

    /** Whether a clip of {@code bytes} fits, claimed as the clip writer does: in a transaction of the organisation. */
    private boolean fits(Member member, long bytes) {
        return transactions.call(member.organizationId(), () -> quota.claim(member.organizationId(), bytes));
    }

    private JsonNode storage(Member member) {
        HttpResult result = member.client().get("/api/v1/organization/storage");
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json();
    }

    private UUID eventWithPictures(Member member, UUID camera) {
        UUID event = data.event(member.organizationId(), camera, ViolationType.NO_HARDHAT, Instant.now());
        data.pictures(member.organizationId(), event);
        return event;
    }

    /** The bytes of the blobs the events column references, summed the slow way. */
    private long sizes(Member member, String column) {
        return transactions.call(member.organizationId(), () -> jdbc.sql(
                "SELECT coalesce(sum(b.size_bytes), 0) FROM events e JOIN blobs b ON b.id = e." + column + "::uuid")
                .query(Long.class).single());
    }
}
