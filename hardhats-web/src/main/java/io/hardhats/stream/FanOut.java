package io.hardhats.stream;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import io.hardhats.bus.LiveBus;

/**
 * Shares one bus subscription per key (a camera, an organisation) among all the local members
 * that want it; the subscription starts with the first member and ends with the last.
 */
final class FanOut<T> {

    private final BiFunction<UUID, Consumer<T>, LiveBus.Subscription> subscribe;
    private final Map<UUID, Topic> topics = new ConcurrentHashMap<>();

    FanOut(BiFunction<UUID, Consumer<T>, LiveBus.Subscription> subscribe) {
        this.subscribe = subscribe;
    }

    LiveBus.Subscription join(UUID key, Consumer<T> member) {
        topics.compute(key, (id, topic) -> {
            Topic current = topic != null ? topic : new Topic(id);
            current.members.add(member);
            return current;
        });
        return () -> leave(key, member);
    }

    private void leave(UUID key, Consumer<T> member) {
        topics.computeIfPresent(key, (id, topic) -> {
            topic.members.remove(member);
            if (topic.members.isEmpty()) {
                topic.subscription.close();
                return null;
            }
            return topic;
        });
    }

    int topicCount() {
        return topics.size();
    }

    private final class Topic {
        final Set<Consumer<T>> members = new CopyOnWriteArraySet<>();
        final LiveBus.Subscription subscription;

        Topic(UUID key) {
            this.subscription = subscribe.apply(key, message -> members.forEach(member -> member.accept(message)));
        }
    }
}
