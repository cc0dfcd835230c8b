package io.hardhats.blobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pictures, clips and placeholder videos of the current organisation. Every blob has a row in
 * {@code blobs}, so row-level security decides who may read or delete it whatever holds the
 * bytes: PostgreSQL itself ({@link PostgresBlobStore}, the default) or an S3-compatible bucket
 * ({@link S3BlobStore}). Callers choose the tenant scope.
 */
public interface BlobStore {

    /** A stored blob's bytes and type. */
    record Blob(String contentType, byte[] bytes) {
    }

    /** A stored blob's type and size, without its bytes. */
    record BlobInfo(String contentType, long size) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    default UUID save(String contentType, byte[] bytes) {
        try {
            return save(contentType, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the content in, so a large video is never held in memory whole. */
    UUID save(String contentType, InputStream content) throws IOException;

    /** The whole blob in memory: for small ones (thumbnails); videos go through {@link #copyTo}. */
    Optional<Blob> read(UUID id);

    /**
     * Writes the blob to {@code out} piece by piece, so a video never sits in memory whole.
     *
     * @return false when there is no such blob (or it is another organisation's)
     */
    boolean copyTo(UUID id, OutputStream out);

    /** The blob's type and size, or empty when there is no such blob (or it is another organisation's). */
    Optional<BlobInfo> info(UUID id);

    /**
     * Up to {@code length} bytes from {@code offset} (fewer at the blob's end, none past it), for
     * HTTP range requests.
     *
     * @throws java.util.NoSuchElementException when there is no such blob (or it is another organisation's)
     */
    InputStream openRange(UUID id, long offset, long length);

    /** Removes the blob; what holds its bytes lets go of them once the transaction commits. */
    void delete(UUID id);
}
