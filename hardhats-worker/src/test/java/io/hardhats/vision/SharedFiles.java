package io.hardhats.vision;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Third-party files the tests read but the repository must not contain: they live in
 * {@code shared/} beside the repository root on every development and CI machine.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    public static Path shared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("models")) && Files.isDirectory(candidate.resolve("datasets"))) {
                return candidate;
            }
        }
        return fail("No shared/ folder (with models/ and datasets/) beside the repository root above "
                + Path.of("").toAbsolutePath() + "; the vision tests need ../shared/models/ppe-reference.onnx "
                + "and ../shared/datasets/ppe");
    }

    public static Path referenceModel() {
        Path model = shared().resolve("models/ppe-reference.onnx");
        if (!Files.isRegularFile(model)) {
            fail("Missing reference model " + model);
        }
        return model;
    }

    /** A real site clip from {@code shared/media} (third-party footage, read in place). */
    public static Path siteClip(String name) {
        Path clip = shared().resolve("media").resolve(name);
        if (!Files.isRegularFile(clip)) {
            fail("Missing demo clip " + clip);
        }
        return clip;
    }

    /** The first {@code count} validation images by file name (a fixed, reproducible sample). */
    public static List<Path> valImages(int count) throws Exception {
        Path dir = shared().resolve("datasets/ppe/val/images");
        if (!Files.isDirectory(dir)) {
            fail("Missing validation images " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(count).toList();
        }
    }

    static Path labelsFor(Path image) {
        String name = image.getFileName().toString();
        return image.getParent().resolveSibling("labels").resolve(name.substring(0, name.lastIndexOf('.')) + ".txt");
    }
}
