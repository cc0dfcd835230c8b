package io.hardhats.allinone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The all-in-one demo camera's video: {@code DEMO_VIDEO} when set, else the clip that ships
 * inside the application, so a fresh installation shows a demo camera with nothing beside it.
 */
@ConfigurationProperties(prefix = "hardhats.demo")
public record DemoProperties(Path video) {

    /** Provenance and licence sit beside it, in {@code demo/SOURCE.md}. */
    static final String BUNDLED_CLIP = "demo/site-helmets-wide.mp4";

    /** The clip to play, or empty when {@code DEMO_VIDEO} names a file that cannot be read. */
    public Optional<Resource> clip() {
        if (video != null && !video.toString().isBlank()) {
            return Files.isReadable(video) ? Optional.of(new FileSystemResource(video)) : Optional.empty();
        }
        Resource bundled = new ClassPathResource(BUNDLED_CLIP, DemoProperties.class.getClassLoader());
        return bundled.exists() ? Optional.of(bundled) : Optional.empty();
    }
}
