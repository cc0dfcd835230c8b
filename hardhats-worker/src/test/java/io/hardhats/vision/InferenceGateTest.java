package io.hardhats.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class InferenceGateTest {

    private static final int TURNS = 2;

    /**
     * With one turn held by the big organisation, three of its cameras queue, then two of the
     * small one's. A plain queue would serve them in that order; turns by organisation alternate,
     * starting with the organisation served longest ago (the small one, never served).
     */
    @Test
    void freedTurnsAlternateBetweenOrganisationsWhateverOrderTheirCamerasQueuedIn() throws Exception {
        InferenceGate gate = new InferenceGate(1);
        UUID big = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        List<String> served = Collections.synchronizedList(new ArrayList<>());
        InferenceGate.Turn held = gate.enter(big);
        List<Thread> cameras = new ArrayList<>();
        for (String camera : List.of("big-1", "big-2", "big-3", "small-1", "small-2")) {
            UUID organization = camera.startsWith("big") ? big : small;
            Thread thread = new Thread(() -> {
                try (InferenceGate.Turn turn = gate.enter(organization)) {
                    served.add(camera);
                }
            });
            thread.start();
            cameras.add(thread);
            int queued = cameras.size();
            while (gate.waiting() < queued) {
                Thread.onSpinWait();
            }
        }

        held.close();
        for (Thread camera : cameras) {
            camera.join(TimeUnit.MINUTES.toMillis(1));
        }

        assertThat(served).containsExactly("small-1", "big-1", "small-2", "big-2", "big-3");
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
