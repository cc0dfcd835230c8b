package io.hardhats.stream;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hardhats.bus.LiveMessage;
import io.hardhats.events.EventView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bus messages rendered as SSE items once per web instance, however many browsers receive them.
 * Every browser stream is its own bus listener, so the bus hands the same text to thousands of
 * listeners in a row; they all look it up here and enqueue the one rendered item. Keyed by the
 * text (equal text renders equally), a small cache also serves messages of other organisations
 * delivered at the same time.
 */
final class SseMessages {

    private static final Logger log = LoggerFactory.getLogger(SseMessages.class);

    private final JsonMapper json;
    private final Cache<String, Optional<SseClient.Item>> rendered = Caffeine.newBuilder()
            .maximumSize(256)
            .expireAfterWrite(Duration.ofMinutes(1))
            .executor(Runnable::run)
            .recordStats()
            .build();

    SseMessages(JsonMapper json) {
        this.json = json;
    }

    /** The item for a bus message; empty for one that cannot be read (logged once, not per browser). */
    Optional<SseClient.Item> render(String text) {
        return rendered.get(text, this::parse);
    }

    /** A replayed violation, rendered exactly as the live message for it was. */
    SseClient.Item replay(EventView event) {
        return item(LiveMessage.violation(event, json));
    }

    /** How many distinct bus messages were rendered. */
    long renderCount() {
        return rendered.stats().loadCount();
    }

    private Optional<SseClient.Item> parse(String text) {
        try {
            return Optional.of(item(LiveMessage.fromJson(text, json)));
        } catch (RuntimeException e) {
            log.warn("A live message could not be read and was not sent to browsers: {}", e.toString());
            return Optional.empty();
        }
    }

    private SseClient.Item item(LiveMessage message) {
        return SseClient.Item.event(message.type(), message.id(), json.writeValueAsString(message.data()));
    }
}
