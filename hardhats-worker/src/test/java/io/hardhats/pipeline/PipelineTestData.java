package io.hardhats.pipeline;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;
import java.util.function.Consumer;

import io.hardhats.blobs.BlobStore;
import io.hardhats.cameras.Camera;
import io.hardhats.cameras.CameraRepository;
import io.hardhats.cameras.SourceType;
import io.hardhats.tenancy.SystemTransactions;
import io.hardhats.tenancy.TenantTransactions;
import io.hardhats.vision.SharedFiles;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Organisations and cameras for tests of a running worker, written as the web process would,
 * and the SQL reads that check what the worker wrote back. Import it into the test's context.
 */
public class PipelineTestData {

    private final JdbcClient jdbc;
    private final SystemTransactions systemTransactions;
    private final TenantTransactions tenantTransactions;
    private final CameraRepository cameras;
    private final BlobStore blobs;

    public PipelineTestData(JdbcClient jdbc, SystemTransactions systemTransactions, TenantTransactions tenantTransactions,
            CameraRepository cameras, BlobStore blobs) {
        this.jdbc = jdbc;
        this.systemTransactions = systemTransactions;
        this.tenantTransactions = tenantTransactions;
        this.cameras = cameras;
        this.blobs = blobs;
    }

    public UUID organization(String name) {
        UUID organization = UUID.randomUUID();
        systemTransactions.run(() -> jdbc.sql("""
                INSERT INTO organizations (id, name, slug, max_cameras, max_users) VALUES (?, ?, ?, 5, 5)
                """).params(organization, name, "test-" + organization).update());
        return organization;
    }

    /** A camera that plays a real site clip as its placeholder at 2 analysed frames a second. */
    public UUID placeholderCamera(UUID organization, String name, Consumer<Camera> settings) {
        byte[] clip = siteClip();
        return tenantTransactions.call(organization, () -> {
            Camera camera = new Camera(name, SourceType.FILE);
            camera.setPlaceholderVideo(blobs.save("video/mp4", clip));
            camera.setUsePlaceholder(true);
            camera.setTargetFps(2.0);
            settings.accept(camera);
            return cameras.save(camera).getId();
        });
    }

    /** One value that {@code sql} selects for the row {@code id} of the organisation. */
    <T> T query(UUID organization, String sql, UUID id, Class<T> type) {
        return tenantTransactions.call(organization, () -> jdbc.sql(sql).param(id).query(type).single());
    }

    long count(UUID organization, String sql, UUID id) {
        return query(organization, sql, id, Long.class);
    }

    /** Changes the row {@code id} of the organisation as an edit in the web process would. */
    void update(UUID organization, String sql, UUID id) {
        tenantTransactions.run(organization, () -> jdbc.sql(sql).param(id).update());
    }

    /** A stored picture of the organisation, decoded. */
    BufferedImage image(UUID organization, UUID blob) {
        byte[] jpeg = tenantTransactions.call(organization, () -> blobs.read(blob).orElseThrow().bytes());
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] siteClip() {
        try {
            return Files.readAllBytes(SharedFiles.siteClip("site-helmets-wide.mp4"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
