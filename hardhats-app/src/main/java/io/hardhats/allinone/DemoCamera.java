package io.hardhats.allinone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.auth.Registration;
import io.hardhats.blobs.BlobStore;
import io.hardhats.cameras.Camera;
import io.hardhats.cameras.CameraRepository;
import io.hardhats.cameras.SourceType;
import io.hardhats.tenancy.TenantTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * In all-in-one mode every new organisation gets a camera playing the demo clip (marked DEMO
 * MODE), so the live view shows detections within seconds of registering. Only a
 * {@code DEMO_VIDEO} that cannot be read leaves it out; the dashboard's empty state then explains
 * how to add a camera.
 */
@Component
@ConditionalOnProperty(name = "hardhats.role", havingValue = "all", matchIfMissing = true)
record DemoCamera(DemoProperties demo, BlobStore blobs, CameraRepository cameras, TenantTransactions transactions) {

    private static final Logger log = LoggerFactory.getLogger(DemoCamera.class);

    @EventListener
    void organizationRegistered(Registration.OrganizationRegistered registered) {
        Optional<Resource> clip = demo.clip();
        if (clip.isEmpty()) {
            log.warn("DEMO_VIDEO {} cannot be read: organisation {} starts without a demo camera", demo.video(),
                    registered.organizationId());
            return;
        }
        transactions.run(registered.organizationId(), () -> {
            UUID video = store(clip.get());
            Camera camera = new Camera("Demo camera", SourceType.FILE);
            camera.setZone("Demo");
            camera.setPlaceholderVideo(video);
            camera.setUsePlaceholder(true);
            cameras.save(camera);
        });
    }

    private UUID store(Resource clip) {
        try (InputStream in = clip.getInputStream()) {
            return blobs.save("video/mp4", in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo video " + clip, e);
        }
    }
}
