package io.hardhats.blobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;

import io.hardhats.support.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 store against a real S3-compatible server (s3proxy, in memory): the contract, objects
 * under the organisation's prefix, objects removed only once the removal commits, and no object
 * left behind by a save whose transaction rolls back.
 */
class S3BlobStoreTest extends BlobStoreContract {

    private static final String BUCKET = "hardhats-blobs";

    private static S3ProxyServer server;
    private static S3Client s3;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start();
        s3 = BlobStoreConfiguration.s3Client(settings(server.endpoint()));
        s3.createBucket(create -> create.bucket(BUCKET));
    }

    @AfterAll
    static void stopServer() {
        s3.close();
        server.close();
    }

    static BlobStoreProperties.S3 settings(URI endpoint) {
        return new BlobStoreProperties.S3(BUCKET, null, endpoint, S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
    }

    @Override
    BlobStore store() {
        return new S3BlobStore(s3, BUCKET, jdbc);
    }

    @Test
    void objectsLieUnderTheirOrganisation() {
        UUID id = as(organization, () -> store().save("image/jpeg", bytes(3_000, 6)));

        assertThat(s3.listObjectsV2(list -> list.bucket(BUCKET).prefix(organization + "/")).contents())
                .extracting(S3Object::key).contains(organization + "/" + id);
        assertThat(s3.listObjectsV2(list -> list.bucket(BUCKET).prefix(otherOrganization + "/")).contents())
                .isEmpty();
        assertThat(as(organization, () -> jdbc.sql("SELECT size_bytes FROM blobs WHERE id = ?").param(id)
                .query(Long.class).single())).as("the row RLS guards, with the size").isEqualTo(3_000L);
    }

    @Test
    void aRemovalRolledBackKeepsTheObject() {
        UUID id = as(organization, () -> store().save("image/jpeg", bytes(3_000, 7)));

        try {
            as(organization, () -> {
                store().delete(id);
                throw new IllegalStateException("the caller's transaction fails");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(objects(id)).isEqualTo(1);
        assertThat(as(organization, () -> store().read(id))).isPresent();

        as(organization, () -> {
            store().delete(id);
            return null;
        });
        assertThat(objects(id)).isZero();
    }

    @Test
    void aSaveRolledBackLeavesNoObject() {
        UUID[] saved = new UUID[1];
        try {
            as(organization, () -> {
                saved[0] = store().save("image/jpeg", bytes(3_000, 8));
                throw new IllegalStateException("the caller's transaction fails");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(saved[0]).isNotNull();
        assertThat(objects(saved[0])).isZero();
        assertThat(as(organization, () -> store().read(saved[0]))).isEmpty();
    }

    @Test
    void theSecretKeyNeverPrints() {
        assertThat(settings(server.endpoint()).toString()).doesNotContain(S3ProxyServer.SECRET_KEY)
                .contains(BUCKET);
    }

    private int objects(UUID id) {
        return s3.listObjectsV2(list -> list.bucket(BUCKET).prefix(organization + "/" + id)).contents().size();
    }
}
