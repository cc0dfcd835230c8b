package io.hardhats.rules;

import io.hardhats.cameras.DetectionMode;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.Detection;
import io.hardhats.vision.ProductClass;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.hardhats.rules.Frames.H;
import static io.hardhats.rules.Frames.W;
import static io.hardhats.rules.Frames.at;
import static io.hardhats.rules.Frames.bareHead;
import static io.hardhats.rules.Frames.det;
import static io.hardhats.rules.Frames.helmet;
import static io.hardhats.rules.Frames.noVest;
import static io.hardhats.rules.Frames.vest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ViolationRulesTest {

    /** Lower-right quarter of the frame. */
    private static final ZonePolygon ZONE = ZonePolygon.of(0.5, 0.5, 1, 0.5, 1, 1, 0.5, 1);

    private static ViolationRules rules(DetectionMode mode) {
        return new ViolationRules(new RuleSettings(mode, ZONE));
    }

    private static List<Detection> bareHeadedWorker(float x) {
        return List.of(bareHead(x + 20, 100), vest(x, 145));
    }

    @Test
    void oneFrameIsNotEnoughTwoConsecutiveFireOnce() {
        ViolationRules rules = rules(DetectionMode.PPE);
        assertThat(rules.evaluate(bareHeadedWorker(100), W, H, at(0))).isEmpty();
        List<Violation> fired = rules.evaluate(bareHeadedWorker(101), W, H, at(0.5));
        assertThat(fired).singleElement().satisfies(v -> {
            assertThat(v.type()).isEqualTo(ViolationType.NO_HARDHAT);
            assertThat(v.severity()).isEqualTo(Severity.HIGH);
            assertThat(v.confidence()).isEqualTo(0.9f);
            assertThat(v.box()).isEqualTo(new BoundingBox(101, 100, 181, 245));
            assertThat(v.normalisedBox()).containsExactly(
                    new double[] {101.0 / W, 100.0 / H, 80.0 / W, 145.0 / H}, within(1e-6));
        });
        for (int i = 2; i < 20; i++) {
            assertThat(rules.evaluate(bareHeadedWorker(100 + i % 3), W, H, at(i * 0.5))).as("frame %d", i).isEmpty();
        }
    }

    @Test
    void aSingleStrayFrameNeverFires() {
        ViolationRules rules = rules(DetectionMode.PPE);
        assertThat(rules.evaluate(bareHeadedWorker(100), W, H, at(0))).isEmpty();
        for (int i = 1; i < 10; i++) {
            assertThat(rules.evaluate(List.of(), W, H, at(i))).isEmpty();
        }
    }

    @Test
    void anInterruptedSequenceStartsAgain() {
        ViolationRules rules = rules(DetectionMode.PPE);
        List<Detection> helmeted = List.of(helmet(120, 100), vest(100, 145));
        assertThat(rules.evaluate(bareHeadedWorker(100), W, H, at(0))).isEmpty();
        assertThat(rules.evaluate(helmeted, W, H, at(1))).isEmpty();
        assertThat(rules.evaluate(bareHeadedWorker(100), W, H, at(2))).isEmpty();
        assertThat(rules.evaluate(helmeted, W, H, at(3))).isEmpty();
        assertThat(rules.evaluate(bareHeadedWorker(100), W, H, at(4))).isEmpty();
        // A frame where the worker is not seen also breaks the run.
        assertThat(rules.evaluate(List.of(), W, H, at(5))).isEmpty();
        assertThat(rules.evaluate(bareHeadedWorker(100), W, H, at(6))).isEmpty();
        assertThat(rules.evaluate(bareHeadedWorker(100), W, H, at(7))).hasSize(1);
    }

    @Test
    void inertiaIsConfigurable() {
        ViolationRules rules = new ViolationRules(new RuleSettings(DetectionMode.PPE, null).withInertia(4));
        for (int i = 0; i < 3; i++) {
            assertThat(rules.evaluate(bareHeadedWorker(100), W, H, at(i))).isEmpty();
        }
        assertThat(rules.evaluate(bareHeadedWorker(100), W, H, at(3))).hasSize(1);
    }

    @Test
    void cooldownHoldsBackOtherWorkersOfTheSameTypeUntilItExpires() {
        ViolationRules rules = rules(DetectionMode.PPE);
        rules.evaluate(bareHeadedWorker(100), W, H, at(0));
        Violation first = rules.evaluate(bareHeadedWorker(100), W, H, at(1)).get(0);

        // A second bare-headed worker appears 10 s later: within the 60 s cooldown, nothing.
        List<Violation> seen = new ArrayList<>();
        double t = 10;
        for (; t < 60; t += 1) {
            List<Detection> both = new ArrayList<>(bareHeadedWorker(100));
            both.addAll(bareHeadedWorker(700));
            seen.addAll(rules.evaluate(both, W, H, at(t)));
        }
        assertThat(seen).isEmpty();
        // At 60 s after the first event the second worker (who never fired) fires; the first never again.
        List<Detection> both = new ArrayList<>(bareHeadedWorker(100));
        both.addAll(bareHeadedWorker(700));
        List<Violation> after = rules.evaluate(both, W, H, at(61));
        assertThat(after).singleElement().satisfies(v -> {
            assertThat(v.type()).isEqualTo(ViolationType.NO_HARDHAT);
            assertThat(v.trackId()).isNotEqualTo(first.trackId());
            assertThat(v.box().x1()).isEqualTo(700);
        });
        for (t = 62; t < 300; t += 1) {
            assertThat(rules.evaluate(both, W, H, at(t))).as("t=%s", t).isEmpty();
        }
    }

    @Test
    void aNewTrackAfterTheCooldownFires() {
        ViolationRules rules = rules(DetectionMode.PPE);
        rules.evaluate(bareHeadedWorker(100), W, H, at(0));
        assertThat(rules.evaluate(bareHeadedWorker(100), W, H, at(1))).hasSize(1);
        // The worker leaves; the track expires; someone else arrives well after the cooldown.
        for (int i = 2; i < 6; i++) {
            rules.evaluate(List.of(), W, H, at(i));
        }
        assertThat(rules.evaluate(bareHeadedWorker(900), W, H, at(70))).isEmpty();
        assertThat(rules.evaluate(bareHeadedWorker(900), W, H, at(71))).hasSize(1);
    }

    @Test
    void cooldownIsPerTypeAndTypesAreIndependent() {
        ViolationRules rules = rules(DetectionMode.PPE_AND_ZONE);
        // Worker 1: bare head, vest, outside the zone.
        List<Detection> one = bareHeadedWorker(100);
        rules.evaluate(one, W, H, at(0));
        assertThat(rules.evaluate(one, W, H, at(1))).extracting(Violation::type)
                .containsExactly(ViolationType.NO_HARDHAT);
        // Worker 2 arrives without a vest, helmeted: no_vest still fires, its cooldown is separate.
        List<Detection> two = new ArrayList<>(one);
        two.add(helmet(720, 100));
        two.add(noVest(700, 145));
        rules.evaluate(two, W, H, at(5));
        assertThat(rules.evaluate(two, W, H, at(6))).extracting(Violation::type)
                .containsExactly(ViolationType.NO_VEST);
    }

    @Test
    void oneWorkerCanFireSeveralTypesAtOnce() {
        ViolationRules rules = rules(DetectionMode.PPE_AND_ZONE);
        // Bare head, no vest, feet (y 645 of 720, x 860 of 1280) inside the lower-right zone.
        List<Detection> worker = List.of(bareHead(840, 500), noVest(820, 545));
        assertThat(rules.evaluate(worker, W, H, at(0))).isEmpty();
        List<Violation> fired = rules.evaluate(worker, W, H, at(0.5));
        assertThat(fired).extracting(Violation::type).containsExactly(
                ViolationType.NO_HARDHAT, ViolationType.NO_VEST, ViolationType.ZONE_BREACH);
        assertThat(fired).extracting(Violation::trackId).containsOnly(fired.get(0).trackId());
    }

    @Test
    void modesGateTheRules() {
        List<Detection> worker = List.of(bareHead(840, 500), noVest(820, 545));

        ViolationRules ppe = rules(DetectionMode.PPE);
        ppe.evaluate(worker, W, H, at(0));
        assertThat(ppe.evaluate(worker, W, H, at(1))).extracting(Violation::type)
                .containsExactly(ViolationType.NO_HARDHAT, ViolationType.NO_VEST);

        ViolationRules zone = rules(DetectionMode.ZONE);
        zone.evaluate(worker, W, H, at(0));
        assertThat(zone.evaluate(worker, W, H, at(1))).extracting(Violation::type)
                .containsExactly(ViolationType.ZONE_BREACH);

        ViolationRules zoneWithoutPolygon = new ViolationRules(RuleSettings.from(DetectionMode.ZONE, null));
        zoneWithoutPolygon.evaluate(worker, W, H, at(0));
        assertThat(zoneWithoutPolygon.evaluate(worker, W, H, at(1))).isEmpty();

        ViolationRules degenerate = new ViolationRules(
                new RuleSettings(DetectionMode.ZONE, ZonePolygon.of(0, 0, 1, 1, 0.5, 0.5)));
        degenerate.evaluate(worker, W, H, at(0));
        assertThat(degenerate.evaluate(worker, W, H, at(1))).isEmpty();
    }

    @Test
    void zoneBreachUsesTheFootPointNotTheBoxOverlap() {
        ViolationRules rules = rules(DetectionMode.ZONE);
        // Box reaches into the zone's x-range, but its bottom-centre (x 620 < 640) is outside.
        List<Detection> beside = List.of(det(ProductClass.PERSON, 0.9f, 580, 300, 660, 700));
        rules.evaluate(beside, W, H, at(0));
        assertThat(rules.evaluate(beside, W, H, at(1))).isEmpty();
        // One step to the right: the foot point is in.
        List<Detection> in = List.of(det(ProductClass.PERSON, 0.9f, 620, 300, 700, 700));
        rules.evaluate(in, W, H, at(2));
        assertThat(rules.evaluate(in, W, H, at(3))).singleElement().satisfies(v -> {
            assertThat(v.type()).isEqualTo(ViolationType.ZONE_BREACH);
            assertThat(v.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void personModelsUseThePersonBoxForZones() {
        ViolationRules rules = rules(DetectionMode.PPE_AND_ZONE);
        // The person's feet are in the zone although head and torso boxes are far above it.
        List<Detection> frame = List.of(
                det(ProductClass.PERSON, 0.7f, 800, 100, 900, 600),
                helmet(830, 105),
                vest(810, 150));
        rules.evaluate(frame, W, H, at(0));
        assertThat(rules.evaluate(frame, W, H, at(1))).singleElement().satisfies(v -> {
            assertThat(v.type()).isEqualTo(ViolationType.ZONE_BREACH);
            assertThat(v.box()).isEqualTo(new BoundingBox(800, 100, 900, 600));
            assertThat(v.confidence()).isEqualTo(0.7f);
            assertThat(v.severity()).isEqualTo(Severity.HIGH);
        });
        // The same parts without the person box: their union ends at y 250, outside the zone.
        ViolationRules partsOnly = rules(DetectionMode.PPE_AND_ZONE);
        List<Detection> parts = List.of(helmet(830, 105), vest(810, 150));
        partsOnly.evaluate(parts, W, H, at(0));
        assertThat(partsOnly.evaluate(parts, W, H, at(1))).isEmpty();
    }

    @Test
    void aPersonWithoutAHeadBoxIsBareHeadedOnlyWhenAskedFor() {
        List<Detection> frame = List.of(det(ProductClass.PERSON, 0.6f, 100, 100, 200, 400));
        ViolationRules plain = rules(DetectionMode.PPE);
        plain.evaluate(frame, W, H, at(0));
        assertThat(plain.evaluate(frame, W, H, at(1))).isEmpty();

        ViolationRules inferring = new ViolationRules(new RuleSettings(DetectionMode.PPE, null).withInferBareHeads(true));
        inferring.evaluate(frame, W, H, at(0));
        assertThat(inferring.evaluate(frame, W, H, at(1))).singleElement()
                .satisfies(v -> assertThat(v.type()).isEqualTo(ViolationType.NO_HARDHAT));
    }

    @Test
    void boxesSpillingOverTheFrameAreClipped() {
        ViolationRules rules = rules(DetectionMode.PPE);
        List<Detection> frame = List.of(det(ProductClass.NO_HELMET, 0.9f, 1260, -10, 1300, 30));
        rules.evaluate(frame, W, H, at(0));
        Violation v = rules.evaluate(frame, W, H, at(1)).get(0);
        assertThat(v.box()).isEqualTo(new BoundingBox(1260, 0, 1280, 30));
        assertThat(v.normalisedBox()[0] + v.normalisedBox()[2]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void noEventStormFromANoisyDetectorOverTenMinutes() {
        ViolationRules rules = rules(DetectionMode.PPE_AND_ZONE);
        Random random = new Random(42);
        int noHardhat = 0;
        int other = 0;
        int frames = 10 * 60 * 2; // 10 minutes at 2 fps
        for (int i = 0; i < frames; i++) {
            List<Detection> detections = new ArrayList<>();
            if (random.nextInt(7) != 0) { // the detector misses about one frame in seven
                detections.add(jitter(bareHead(400, 200), random, 0.55f + random.nextFloat() * 0.4f));
                detections.add(jitter(vest(380, 245), random, 0.8f));
            }
            for (Violation v : rules.evaluate(detections, W, H, at(i * 0.5))) {
                if (v.type() == ViolationType.NO_HARDHAT) {
                    noHardhat++;
                } else {
                    other++;
                }
            }
        }
        assertThat(noHardhat).isBetween(1, (int) Math.ceil(600.0 / 60));
        assertThat(other).isZero();
    }

    @Test
    void noEventStormWhenTheTrackIsLostRepeatedly() {
        // Worst case for identities: the worker vanishes for 4 frames every 20 s, so each return
        // is a new track. The cooldown still caps events at one a minute.
        ViolationRules rules = rules(DetectionMode.PPE);
        Random random = new Random(7);
        int events = 0;
        for (int i = 0; i < 1200; i++) {
            boolean gone = i % 40 >= 36;
            List<Detection> detections = gone ? List.of()
                    : List.of(jitter(bareHead(400, 200), random, 0.9f), jitter(vest(380, 245), random, 0.8f));
            events += rules.evaluate(detections, W, H, at(i * 0.5)).size();
        }
        assertThat(events).isBetween(1, 10);
    }

    @Test
    void changedSettingsApplyWithoutLosingState() {
        ViolationRules rules = rules(DetectionMode.ZONE);
        List<Detection> worker = List.of(bareHead(840, 500), noVest(820, 545));
        rules.evaluate(worker, W, H, at(0));
        assertThat(rules.evaluate(worker, W, H, at(1))).extracting(Violation::type)
                .containsExactly(ViolationType.ZONE_BREACH);
        rules.settings(new RuleSettings(DetectionMode.PPE_AND_ZONE, ZONE));
        rules.evaluate(worker, W, H, at(2));
        assertThat(rules.evaluate(worker, W, H, at(3))).extracting(Violation::type)
                .containsExactly(ViolationType.NO_HARDHAT, ViolationType.NO_VEST);
    }

    @Test
    void zeroCooldownStillFiresOncePerTrack() {
        ViolationRules rules = new ViolationRules(new RuleSettings(DetectionMode.PPE, null).withCooldown(Duration.ZERO));
        int events = 0;
        for (int i = 0; i < 50; i++) {
            events += rules.evaluate(bareHeadedWorker(100), W, H, at(i)).size();
        }
        assertThat(events).isEqualTo(1);
    }

    private static Detection jitter(Detection d, Random random, float confidence) {
        BoundingBox b = d.box();
        return new Detection(d.productClass(), d.modelClass(), confidence, new BoundingBox(
                b.x1() + random.nextInt(7) - 3, b.y1() + random.nextInt(7) - 3,
                b.x2() + random.nextInt(7) - 3, b.y2() + random.nextInt(7) - 3));
    }
}
