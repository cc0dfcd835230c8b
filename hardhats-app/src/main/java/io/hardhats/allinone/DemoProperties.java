package io.hardhats.allinone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The all-in-one demo camera's video: {@code DEMO_VIDEO}, or else the first clip in
 * {@code ../shared/media} (beside the repository on development machines), or none.
 */
@ConfigurationProperties(prefix = "hardhats.demo")
public record DemoProperties(Path video, Path mediaFolder) {

    public DemoProperties {
        mediaFolder = mediaFolder == null ? Path.of("..", "shared", "media") : mediaFolder;
    }

    public Optional<Path> clip() {
        if (video != null && !video.toString().isBlank()) {
            return Files.isReadable(video) ? Optional.of(video) : Optional.empty();
        }
        if (!Files.isDirectory(mediaFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(mediaFolder)) {
            return files.filter(file -> file.getFileName().toString().toLowerCase().endsWith(".mp4"))
                    .filter(Files::isReadable)
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
