package io.hardhats.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DetectorSupplyTest {

    @Test
    void aMissingModelIsSaidOnceInOneLineWithTheWaysToFixIt(CapturedOutput output) {
        Path missing = Path.of("models", "not-there.onnx");
        AtomicInteger loads = new AtomicInteger();
        DetectorSupply supply = new DetectorSupply(missing, () -> {
            loads.incrementAndGet();
            throw new AssertionError("no engine without a model");
        });

        assertThat(supply.detector()).isEmpty();
        assertThat(supply.detector()).isEmpty();
        assertThat(loads).hasValue(0);
        assertThat(output.getOut().lines().filter(line -> line.contains("Detection is off")))
                .singleElement().satisfies(line -> assertThat(line)
                        .contains(" WARN ", missing.toAbsolutePath().toString(), "MODEL_PATH", "Ultralytics",
                                "training/"));
    }

    @Test
    void withAModelTheEngineIsLoadedWhenACameraFirstNeedsIt(CapturedOutput output) {
        AtomicInteger loads = new AtomicInteger();
        Detector engine = (organizationId, image, width, height, confidence) -> List.of();
        DetectorSupply supply = new DetectorSupply(SharedFiles.referenceModel(), () -> {
            loads.incrementAndGet();
            return engine;
        });
        assertThat(loads).hasValue(0);
        assertThat(supply.detector()).containsSame(engine);
        assertThat(output.getOut()).doesNotContain("Detection is off");
    }
}
