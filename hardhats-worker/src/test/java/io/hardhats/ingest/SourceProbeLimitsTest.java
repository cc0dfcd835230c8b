package io.hardhats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The probe stops at its budgets with what it has, and refuses pictures larger than 4K before decoding. */
class SourceProbeLimitsTest {

    private static final Path DIR = Path.of("target", "probe-videos").toAbsolutePath();
    private static final Duration TIME = Duration.ofSeconds(20);

    /** 8 s at 25 fps with a keyframe every 4 s: measuring the interval takes 100 frames. */
    private static Path longGop;

    private final SourceProbe probe = new SourceProbe();

    @BeforeAll
    static void videos() {
        longGop = TestVideos.make(DIR.resolve("long-gop.avi"), "testsrc=size=320x240:rate=25", "-t", "8",
                "-c:v", "mpeg4", "-g", "100", "-q:v", "5");
    }

    @Test
    void withinItsBudgetsTheProbeMeasuresTheKeyframeInterval() {
        SourceProbe.Result result = probe.probe(longGop.toString(), TIME, ProbeLimits.DEFAULTS);
        assertThat(result.ok()).as(String.valueOf(result.failure())).isTrue();
        assertThat(result.keyframeIntervalSeconds()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void theFrameBudgetStopsTheProbeWithWhatItHas() {
        SourceProbe.Result result = probe.probe(longGop.toString(), TIME, new ProbeLimits(null, null, 10, 0));
        assertThat(result.ok()).isTrue();
        assertThat(result.width()).isEqualTo(320);
        assertThat(result.keyframeIntervalSeconds()).as("not measured within 10 frames").isNull();
    }

    @Test
    void theByteBudgetStopsTheProbeWithWhatItHas() {
        SourceProbe.Result result = probe.probe(longGop.toString(), TIME,
                new ProbeLimits(null, DataSize.ofKilobytes(16), 0, 0));
        assertThat(result.ok()).isTrue();
        assertThat(result.keyframeIntervalSeconds()).as("not measured within 16 KB").isNull();
    }

    @Test
    void aPictureLargerThan4kIsRefusedBeforeDecoding() {
        Path huge = TestVideos.make(DIR.resolve("huge.avi"), "color=c=gray:size=4000x2256:rate=1", "-frames:v", "1",
                "-c:v", "mpeg4");
        SourceProbe.Result result = probe.probe(huge.toString(), TIME, ProbeLimits.DEFAULTS);
        assertThat(result.ok()).isFalse();
        assertThat(result.failure().kind()).isEqualTo(SourceFailure.Kind.NOT_A_VIDEO);
        assertThat(result.failure().message()).contains("4000x2256").contains("3840x2160");
    }
}
