package io.hardhats.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class InferenceGateTest {

    private static final int TURNS = 2;
    private static final int BIG_CAMERAS = 8;
    private static final int SMALL_CAMERAS = 2;
    private static final int INFERENCES = 2_000;

    /**
     * Every camera wants the cores all the time, and each holds its turn until all the others
     * are queued, so every turn is handed over under full contention, as on a worker with more
     * cameras than cores. A plain queue gives each camera the same share (a per-camera ratio of
     * 1); turns by organisation give the small organisation half, each of its cameras four
     * times (8 / 2) what each of the big one's gets.
     */
    @Test
    void aSmallOrganisationsCamerasKeepTheirShareAgainstAnOrganisationWithManyMore() throws Exception {
        InferenceGate gate = new InferenceGate(TURNS);
        UUID big = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        Map<UUID, AtomicInteger> served = new ConcurrentHashMap<>(Map.of(big, new AtomicInteger(),
                small, new AtomicInteger()));
        AtomicInteger inferences = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        int cameras = BIG_CAMERAS + SMALL_CAMERAS;

        ExecutorService threads = Executors.newFixedThreadPool(cameras);
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < cameras; i++) {
            UUID organization = i < BIG_CAMERAS ? big : small;
            loops.add(threads.submit(() -> {
                while (!done.get()) {
                    try (InferenceGate.Turn turn = gate.enter(organization)) {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        served.get(organization).incrementAndGet();
                        if (inferences.incrementAndGet() >= INFERENCES) {
                            done.set(true);
                        }
                        while (!done.get() && gate.waiting() < cameras - TURNS) {
                            Thread.yield();
                        }
                        running.decrementAndGet();
                    }
                }
            }));
        }
        threads.shutdown();
        for (Future<?> loop : loops) {
            loop.get(2, TimeUnit.MINUTES);
        }

        double perBigCamera = served.get(big).get() / (double) BIG_CAMERAS;
        double perSmallCamera = served.get(small).get() / (double) SMALL_CAMERAS;
        assertThat(perSmallCamera / perBigCamera).as("turns of a small organisation's camera per turn of a big one's")
                .isGreaterThan(3.5);
        assertThat(served.get(small).get() / (double) inferences.get()).as("the small organisation's share")
                .isBetween(0.45, 0.55);
        assertThat(mostAtOnce.get()).as("inferences at once").isEqualTo(TURNS);
    }

    @Test
    void oneOrganisationAloneUsesEveryTurnAndAFreedTurnGoesToTheNextInLine() throws Exception {
        InferenceGate gate = new InferenceGate(TURNS);
        UUID organization = UUID.randomUUID();
        InferenceGate.Turn first = gate.enter(organization);
        InferenceGate.Turn second = gate.enter(organization);

        CountDownLatch third = new CountDownLatch(1);
        Thread waiting = new Thread(() -> {
            try (InferenceGate.Turn turn = gate.enter(UUID.randomUUID())) {
                third.countDown();
            }
        });
        waiting.start();
        while (gate.waiting() == 0) {
            Thread.onSpinWait();
        }
        assertThat(third.getCount()).as("both turns taken").isEqualTo(1);

        first.close();
        first.close();
        assertThat(third.await(1, TimeUnit.MINUTES)).isTrue();
        waiting.join();
        second.close();
        InferenceGate.Turn again = gate.enter(organization);
        InferenceGate.Turn more = gate.enter(organization);
        Thread beyond = new Thread(() -> gate.enter(organization).close());
        beyond.start();
        while (gate.waiting() == 0 && beyond.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(gate.waiting()).as("a turn closed twice was given back once").isEqualTo(1);
        again.close();
        beyond.join();
        more.close();
    }
}
