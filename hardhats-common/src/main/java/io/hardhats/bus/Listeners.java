package io.hardhats.bus;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local listeners per channel, shared by both bus adapters. Reports when a channel gains its
 * first listener or loses its last, so the Redis adapter holds one subscription per channel per
 * process however many viewers there are. Every viewer and browser stream is a listener here
 * (thousands per channel that come and go while messages are delivered), so the sets are
 * concurrent hash sets: joining and leaving cost O(1), where a copy-on-write set copies all.
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
        // The hooks run inside compute (they only queue a command), so a channel's subscribe and
        // unsubscribe reach Redis in the order the channel gained and lost its listeners.
        // One member per subscription, so one consumer subscribed twice is also left twice.
        Consumer<T> member = listener::accept;
        byChannel.compute(channel, (key, set) -> {
            Set<Consumer<T>> listeners = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (listeners.isEmpty()) {
                hooks.firstListener(channel);
            }
            listeners.add(member);
            return listeners;
        });
        return () -> remove(channel, member);
    }

    private void remove(String channel, Consumer<T> member) {
        byChannel.computeIfPresent(channel, (key, listeners) -> {
            if (!listeners.remove(member) || !listeners.isEmpty()) {
                return listeners;
            }
            hooks.lastListenerGone(channel);
            return null;
        });
    }

    /** How many local listeners a channel has (they all share the channel's one subscription). */
    int count(String channel) {
        Set<Consumer<T>> listeners = byChannel.get(channel);
        return listeners == null ? 0 : listeners.size();
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
