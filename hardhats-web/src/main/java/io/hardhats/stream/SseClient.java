package io.hardhats.stream;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's event stream. Messages are queued and written by one task at a time on a shared
 * executor, so a slow browser delays only itself; one that falls far behind is disconnected
 * (it reconnects and catches up with Last-Event-ID). Live messages wait while the replay of
 * missed events is read, then follow it without duplicates.
 */
final class SseClient {

    static final int MAX_QUEUED = 256;

    /** A message to send; {@code id} is set for replayable ones (violations). */
    record Item(String id, SseEmitter.SseEventBuilder event) {

        static Item message(String type, String id, String json) {
            SseEmitter.SseEventBuilder event = SseEmitter.event().name(type).data(json, MediaType.APPLICATION_JSON);
            return new Item(id, id == null ? event : event.id(id));
        }

        static Item heartbeat() {
            return new Item(null, SseEmitter.event().comment("heartbeat"));
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
                emitter.send(next.event());
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
