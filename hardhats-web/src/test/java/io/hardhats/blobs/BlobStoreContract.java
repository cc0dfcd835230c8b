package io.hardhats.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import io.hardhats.support.ApiTest;
import io.hardhats.tenancy.TenantTransactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every {@link BlobStore} promises, whatever holds the bytes: a blob reads back whole, by
 * copy and by range (across the stores' internal pieces too), only in its own organisation.
 */
abstract class BlobStoreContract extends ApiTest {

    /** Over 8 MiB: the S3 store spools it, the PostgreSQL store splits it into nine chunks. */
    static final int LARGE = 8 * 1024 * 1024 + 300_000;
    static final int MIB = 1024 * 1024;

    @Autowired
    TenantTransactions transactions;

    UUID organization;
    UUID otherOrganization;

    abstract BlobStore store();

    @BeforeEach
    void twoOrganisations() {
        organization = register("Blob owners").organizationId();
        otherOrganization = register("Blob neighbours").organizationId();
    }

    @Test
    void aSmallBlobReadsBackWithItsType() {
        byte[] jpeg = bytes(5_000, 1);
        UUID id = as(organization, () -> store().save("image/jpeg", jpeg));

        BlobStore.Blob blob = as(organization, () -> store().read(id)).orElseThrow();

        assertThat(blob.contentType()).isEqualTo("image/jpeg");
        assertThat(blob.bytes()).isEqualTo(jpeg);
    }

    @Test
    void aLargeBlobStreamsInAndOutWhole() {
        byte[] video = bytes(LARGE, 2);
        UUID id = as(organization, () -> saveStream("video/mp4", video));
        ByteArrayOutputStream copy = new ByteArrayOutputStream();

        assertThat(as(organization, () -> store().copyTo(id, copy))).isTrue();

        assertThat(copy.toByteArray()).isEqualTo(video);
        assertThat(as(organization, () -> store().read(id)).orElseThrow().bytes()).isEqualTo(video);
    }

    @Test
    void rangesAnswerExactlyTheirBytes() {
        byte[] video = bytes(LARGE, 3);
        UUID id = as(organization, () -> saveStream("video/mp4", video));

        assertThat(range(id, 0, 10)).isEqualTo(Arrays.copyOfRange(video, 0, 10));
        assertThat(range(id, MIB - 7, 20)).as("across a chunk boundary").isEqualTo(
                Arrays.copyOfRange(video, MIB - 7, MIB + 13));
        assertThat(range(id, 3 * MIB - 1, 2 * MIB + 2)).as("over whole chunks").isEqualTo(
                Arrays.copyOfRange(video, 3 * MIB - 1, 5 * MIB + 1));
        assertThat(range(id, LARGE - 5, 100)).as("cut at the end").isEqualTo(
                Arrays.copyOfRange(video, LARGE - 5, LARGE));
        assertThat(range(id, LARGE, 100)).as("past the end").isEmpty();
    }

    @Test
    void anotherOrganisationsBlobIsNotThere() {
        byte[] jpeg = bytes(2_000, 4);
        UUID id = as(organization, () -> store().save("image/jpeg", jpeg));

        assertThat(as(otherOrganization, () -> store().read(id))).isEmpty();
        assertThat(as(otherOrganization, () -> store().copyTo(id, new ByteArrayOutputStream()))).isFalse();
        assertThatThrownBy(() -> as(otherOrganization, () -> store().openRange(id, 0, 10)))
                .isInstanceOf(NoSuchElementException.class);
        as(otherOrganization, () -> {
            store().delete(id);
            return null;
        });

        assertThat(as(organization, () -> store().read(id)).orElseThrow().bytes()).isEqualTo(jpeg);
    }

    @Test
    void aDeletedBlobIsGone() {
        UUID id = as(organization, () -> store().save("image/jpeg", bytes(1_000, 5)));

        as(organization, () -> {
            store().delete(id);
            return null;
        });

        assertThat(as(organization, () -> store().read(id))).isEmpty();
        assertThatThrownBy(() -> as(organization, () -> store().openRange(id, 0, 1)))
                .isInstanceOf(NoSuchElementException.class);
    }

    byte[] range(UUID id, long offset, long length) {
        return as(organization, () -> {
            try (InputStream in = store().openRange(id, offset, length)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    UUID saveStream(String contentType, byte[] content) {
        try {
            return store().save(contentType, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every call in a transaction of the organisation, as the callers in the product make them. */
    <T> T as(UUID organizationId, Supplier<T> work) {
        return transactions.call(organizationId, work);
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
