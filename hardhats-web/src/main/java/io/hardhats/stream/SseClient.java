package io.hardhats.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's event stream. Messages are queued and written by one task at a time on a shared
 * executor, so a slow browser delays only itself; one that falls far behind is disconnected
 * (it reconnects and catches up with Last-Event-ID). Live messages wait while the replay of
 * missed events is read, then follow it without duplicates.
 */
final class SseClient {

    static final int MAX_QUEUED = 256;

    /**
     * A message to send, rendered once (the whole {@code event:/id:/data:} text, UTF-8 encoded)
     * and then written as is to every client that receives it; {@code id} is set for replayable
     * ones (violations). Immutable, so one instance sits in thousands of queues.
     */
    static final class Item {

        private static final MediaType TEXT_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
        private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

        /** A comment every client receives now and then; it carries nothing to de-duplicate. */
        static final Item HEARTBEAT = new Item(null, ":heartbeat\n\n");

        /**
         * Sent first on every stream, so the response starts at once and the browser sees the
         * stream open instead of waiting for the first heartbeat.
         */
        static final Item READY = new Item(null, ":ready\n\n");

        private final String id;
        private final Set<ResponseBodyEmitter.DataWithMediaType> payload;

        private Item(String id, String text) {
            this.id = id;
            this.payload = Set.of(new ResponseBodyEmitter.DataWithMediaType(
                    text.getBytes(StandardCharsets.UTF_8), TEXT_UTF8));
        }

        static Item event(String type, String id, String data) {
            StringBuilder text = new StringBuilder(data.length() + 80);
            text.append("event:").append(singleLine(type)).append('\n');
            if (id != null) {
                text.append("id:").append(singleLine(id)).append('\n');
            }
            for (String line : LINE_BREAK.split(data, -1)) {
                text.append("data:").append(line).append('\n');
            }
            return new Item(id, text.append('\n').toString());
        }

        String id() {
            return id;
        }

        /** What the emitter writes: one chunk, so the message converters copy bytes and encode nothing. */
        Set<ResponseBodyEmitter.DataWithMediaType> payload() {
            return payload;
        }

        private static String singleLine(String field) {
            if (LINE_BREAK.matcher(field).find()) {
                throw new IllegalArgumentException("an event's type and id are single lines");
            }
            return field;
        }
    }

    private final SseEmitter emitter;
    private final Executor executor;
    private final Deque<Item> queue = new ArrayDeque<>();
    private boolean draining;
    private boolean held = true;
    private boolean closed;

    SseClient(SseEmitter emitter, Executor executor) {
        this.emitter = emitter;
        this.executor = executor;
    }

    void send(Item item) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= MAX_QUEUED) {
                closed = true;
                queue.clear();
                emitter.complete();
                return;
            }
            queue.add(item);
            if (draining || held) {
                return;
            }
            draining = true;
        }
        executor.execute(this::drain);
    }

    /** Puts the replayed events first, drops live ones they already cover, and starts delivering. */
    void releaseAfter(List<Item> replay) {
        synchronized (this) {
            Set<String> replayed = replay.stream().map(Item::id).collect(Collectors.toSet());
            queue.removeIf(item -> item.id() != null && replayed.contains(item.id()));
            for (int i = replay.size() - 1; i >= 0; i--) {
                queue.addFirst(replay.get(i));
            }
            held = false;
            if (draining || queue.isEmpty() || closed) {
                return;
            }
            draining = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Item next;
            synchronized (this) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                emitter.send(next.payload());
            } catch (IOException | IllegalStateException e) {
                markClosed();
                return;
            }
        }
    }

    /** Ends the stream from the server side. */
    void complete() {
        markClosed();
        emitter.complete();
    }

    synchronized void markClosed() {
        closed = true;
        queue.clear();
    }
}
