package io.hardhats.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.hardhats.ingest.ProbeLimits;
import io.hardhats.ingest.SourceProbe;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;

class DemoPropertiesTest {

    private static final long MAX_CLIP_BYTES = 3_000_000;

    @TempDir
    Path folder;

    @Test
    void anExplicitVideoWinsAndAnUnreadableOneMeansNoDemo() throws Exception {
        Path clip = Files.writeString(folder.resolve("mine.mp4"), "x");
        assertThat(new DemoProperties(clip).clip()).hasValueSatisfying(
                resource -> assertThat(path(resource)).isEqualTo(clip));
        assertThat(new DemoProperties(folder.resolve("gone.mp4")).clip()).isEmpty();
    }

    @Test
    void withoutDemoVideoTheBundledClipPlays() throws Exception {
        Resource bundled = new DemoProperties(Path.of("")).clip().orElseThrow();
        assertThat(bundled.getFilename()).isEqualTo("site-helmets-wide.mp4");
        assertThat(new DemoProperties(null).clip()).isPresent();
        assertThat(bundled.contentLength()).isLessThanOrEqualTo(MAX_CLIP_BYTES);
    }

    @Test
    void theBundledClipIsA720pOrSmallerH264VideoWithATwoSecondKeyframeInterval() throws Exception {
        Path clip = path(new DemoProperties(null).clip().orElseThrow());
        SourceProbe.Result probe = new SourceProbe().probe(clip.toString(), ProbeLimits.DEFAULTS.deadline(),
                ProbeLimits.DEFAULTS);
        assertThat(probe.ok()).as("%s", probe.failure()).isTrue();
        assertThat(probe.codec()).isEqualTo("h264");
        assertThat(probe.height()).isLessThanOrEqualTo(720);
        assertThat(probe.keyframeIntervalSeconds()).isCloseTo(2.0, Offset.offset(0.05));
        assertThat(Files.exists(clip.resolveSibling("SOURCE.md"))).as("provenance beside the clip").isTrue();
    }

    private static Path path(Resource resource) {
        try {
            return resource.getFile().toPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
