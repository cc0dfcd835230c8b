package io.hardhats.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.hardhats.fleet.WorkerRegistry.WorkerSlot;
import org.junit.jupiter.api.Test;

class FairShareTest {

    private static WorkerSlot worker(int capacity) {
        return new WorkerSlot(UUID.randomUUID(), capacity);
    }

    @Test
    void anUnevenSplitGivesTheRemainderToTheOldestWorkers() {
        List<WorkerSlot> workers = List.of(worker(100), worker(100), worker(100));
        assertThat(FairShare.targets(workers, 10).values()).containsExactly(4, 3, 3);
        assertThat(FairShare.targets(workers, 2).values()).containsExactly(1, 1, 0);
        assertThat(FairShare.targets(workers, 0).values()).containsExactly(0, 0, 0);
    }

    @Test
    void capacityCapsAShareAndTheOthersTakeTheRest() {
        List<WorkerSlot> workers = List.of(worker(2), worker(100), worker(0));
        assertThat(FairShare.targets(workers, 10).values()).containsExactly(2, 8, 0);
        assertThat(FairShare.targets(List.of(worker(3), worker(4)), 10).values()).containsExactly(3, 4);
    }

    @Test
    void aWorkerNotYetRegisteredHasNoTarget() {
        assertThat(FairShare.targetOf(UUID.randomUUID(), List.of(worker(5)), 3)).isEmpty();
    }

    @Test
    void leasesMustOutliveAtLeastOneLateRenewal() {
        assertThat(LeaseSettings.DEFAULTS.localValidity()).isEqualTo(Duration.ofSeconds(26));
        assertThatThrownBy(() -> new LeaseSettings(Duration.ofSeconds(10), Duration.ofSeconds(15), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
