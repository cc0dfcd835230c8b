package io.hardhats.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SideBySideTest {

    /** Each action waits for all the others: run one after another, every wait would time out. */
    @Test
    void runsTheActionsAtTheSameTimeAndReturnsWhenAllAreDone() {
        List<Integer> items = IntStream.range(0, 40).boxed().toList();
        CountDownLatch allStarted = new CountDownLatch(items.size());
        Set<Integer> metTheOthers = ConcurrentHashMap.newKeySet();
        SideBySide.forEach(items, "test-stop", item -> {
            allStarted.countDown();
            try {
                if (allStarted.await(20, TimeUnit.SECONDS)) {
                    metTheOthers.add(item);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(metTheOthers).containsExactlyInAnyOrderElementsOf(items);
    }

    @Test
    void oneFailingActionDoesNotStopTheOthers() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        SideBySide.forEach(List.of(1, 2, 3), "test-stop", item -> {
            if (item == 2) {
                throw new IllegalStateException("boom");
            }
            done.add(item);
        });
        assertThat(done).containsExactlyInAnyOrder(1, 3);
    }
}
