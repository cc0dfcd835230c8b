package io.hardhats.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.blobs.BlobStore;
import io.hardhats.tenancy.TenantContext;
import org.springframework.stereotype.Component;

/**
 * Placeholder videos live in PostgreSQL; FFmpeg needs a file. Each video is written once to a
 * local cache folder (named by its blob id, which never changes content) and reused.
 */
@Component
public class PlaceholderVideos {

    private final BlobStore blobs;
    private final Path cacheDir;

    public PlaceholderVideos(BlobStore blobs) {
        this.blobs = blobs;
        try {
            this.cacheDir = Files.createTempDirectory("hardhats-placeholders");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the placeholder cache folder", e);
        }
    }

    public synchronized Optional<Path> localFile(UUID organizationId, UUID blobId) {
        Path file = cacheDir.resolve(blobId + ".video");
        if (Files.exists(file)) {
            return Optional.of(file);
        }
        Path partial = cacheDir.resolve(blobId + ".part");
        try {
            boolean found;
            try (OutputStream out = Files.newOutputStream(partial)) {
                found = TenantContext.callAs(organizationId, () -> blobs.copyTo(blobId, out));
            }
            if (!found) {
                Files.deleteIfExists(partial);
                return Optional.empty();
            }
            return Optional.of(Files.move(partial, file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cache placeholder video " + blobId, e);
        }
    }
}
