package io.hardhats.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Clip jobs are bounded from the moment they are accepted, per camera and over the worker, since
 * each holds its video while it waits; places free up as jobs end.
 */
class ClipWritersTest {

    private static final Duration NOW = Duration.ZERO;

    @Test
    void pendingJobsAreBoundedPerCameraAndOverTheWorker() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(2);
        Runnable held = () -> {
            awaitQuietly(release);
            ended.countDown();
        };
        UUID gate = UUID.randomUUID();
        UUID crane = UUID.randomUUID();
        UUID yard = UUID.randomUUID();
        try (ClipWriters writers = new ClipWriters(1, 2, 1)) {
            assertThat(writers.submit(gate, NOW, held)).isTrue();
            assertThat(writers.submit(gate, NOW, held)).as("the camera's place is taken").isFalse();
            assertThat(writers.submit(crane, NOW, held)).as("waits behind the first writer").isTrue();
            assertThat(writers.submit(yard, NOW, held)).as("the worker's places are taken").isFalse();

            release.countDown();
            assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();

            // Places are given back just after the jobs end.
            CountDownLatch ran = new CountDownLatch(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> writers.submit(yard, NOW, ran::countDown));
            assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aCamerasJobsRunOneAfterTheOther() throws Exception {
        UUID gate = UUID.randomUUID();
        StringBuffer order = new StringBuffer();
        CountDownLatch done = new CountDownLatch(3);
        try (ClipWriters writers = new ClipWriters(3, 8, 3)) {
            for (String name : new String[] {"a", "b", "c"}) {
                assertThat(writers.submit(gate, NOW, () -> {
                    order.append(name);
                    done.countDown();
                })).isTrue();
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(order.toString()).isEqualTo("abc");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
