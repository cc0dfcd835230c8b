package io.hardhats.bus;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local listeners per channel, shared by both bus adapters. Reports when a channel gains its
 * first listener or loses its last, so the Redis adapter holds one subscription per channel per
 * process however many viewers there are.
 */
final class Listeners<T> {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    interface ChannelHooks {
        void firstListener(String channel);

        void lastListenerGone(String channel);
    }

    private final Map<String, Set<Consumer<T>>> byChannel = new ConcurrentHashMap<>();
    private final ChannelHooks hooks;

    Listeners(ChannelHooks hooks) {
        this.hooks = hooks;
    }

    LiveBus.Subscription add(String channel, Consumer<T> listener) {
        boolean[] first = {false};
        byChannel.compute(channel, (key, set) -> {
            Set<Consumer<T>> listeners = set == null ? new CopyOnWriteArraySet<>() : set;
            first[0] = listeners.isEmpty();
            listeners.add(listener);
            return listeners;
        });
        if (first[0]) {
            hooks.firstListener(channel);
        }
        return () -> remove(channel, listener);
    }

    private void remove(String channel, Consumer<T> listener) {
        boolean[] last = {false};
        byChannel.computeIfPresent(channel, (key, listeners) -> {
            if (!listeners.remove(listener)) {
                return listeners;
            }
            last[0] = listeners.isEmpty();
            return listeners.isEmpty() ? null : listeners;
        });
        if (last[0]) {
            hooks.lastListenerGone(channel);
        }
    }

    /** A failing listener is logged and skipped; it never stops delivery to the others. */
    void deliver(String channel, T message) {
        Set<Consumer<T>> listeners = byChannel.get(channel);
        if (listeners == null) {
            return;
        }
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                log.warn("A live listener on {} failed: {}", channel, e.toString());
            }
        }
    }


}
