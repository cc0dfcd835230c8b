package io.hardhats.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class ListenersTest {

    /** Records the hook calls of one channel, as the Redis adapter's subscribe and unsubscribe. */
    private static final class RecordingHooks implements Listeners.ChannelHooks {
        final List<String> calls = new ArrayList<>();

        @Override
        public synchronized void firstListener(String channel) {
            calls.add("subscribe " + channel);
        }

        @Override
        public synchronized void lastListenerGone(String channel) {
            calls.add("unsubscribe " + channel);
        }
    }

    @Test
    void thousandsOfListenersShareOneSubscriptionWhichEndsWithTheLast() {
        RecordingHooks hooks = new RecordingHooks();
        Listeners<String> listeners = new Listeners<>(hooks);
        AtomicInteger received = new AtomicInteger();
        List<LiveBus.Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            subscriptions.add(listeners.add("events/a", message -> received.incrementAndGet()));
        }
        assertThat(hooks.calls).containsExactly("subscribe events/a");
        assertThat(listeners.count("events/a")).isEqualTo(5_000);

        listeners.deliver("events/a", "hello");
        listeners.deliver("events/b", "nobody listens");
        assertThat(received).hasValue(5_000);

        subscriptions.forEach(LiveBus.Subscription::close);
        subscriptions.get(0).close();
        assertThat(hooks.calls).containsExactly("subscribe events/a", "unsubscribe events/a");
        assertThat(listeners.count("events/a")).isZero();
    }

    @Test
    void oneConsumerSubscribedTwiceIsLeftTwice() {
        Listeners<String> listeners = new Listeners<>(new RecordingHooks());
        List<String> received = new ArrayList<>();
        Consumer<String> consumer = received::add;
        LiveBus.Subscription first = listeners.add("events/a", consumer);
        LiveBus.Subscription second = listeners.add("events/a", consumer);

        first.close();
        listeners.deliver("events/a", "still subscribed once");
        second.close();
        listeners.deliver("events/a", "gone");
        assertThat(received).containsExactly("still subscribed once");
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        Listeners<String> listeners = new Listeners<>(new RecordingHooks());
        List<String> received = new ArrayList<>();
        listeners.add("events/a", message -> {
            throw new IllegalStateException("broken");
        });
        listeners.add("events/a", received::add);
        listeners.deliver("events/a", "hello");
        assertThat(received).containsExactly("hello");
    }

    @Test
    void subscribeAndUnsubscribeAlternateWhileListenersComeAndGoConcurrently() throws Exception {
        RecordingHooks hooks = new RecordingHooks();
        Listeners<String> listeners = new Listeners<>(hooks);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        listeners.add("frames/x", message -> { }).close();
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(hooks.calls).isNotEmpty().hasSizeLessThanOrEqualTo(160_000);
        for (int i = 0; i < hooks.calls.size(); i++) {
            assertThat(hooks.calls.get(i)).as("call %d", i)
                    .isEqualTo(i % 2 == 0 ? "subscribe frames/x" : "unsubscribe frames/x");
        }
        assertThat(listeners.count("frames/x")).isZero();
    }
}
