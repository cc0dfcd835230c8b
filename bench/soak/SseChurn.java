package soak;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import common.BenchApi;
import common.SseLines;

/**
 * Dashboards that keep reconnecting: each client holds /api/sse/events for 10 to 60 s, then
 * reconnects with the Last-Event-ID it saw last, as a browser does. Counts the violations
 * received and any delivered twice to the same client (a replay that overlaps what it had).
 */
final class SseChurn {

    private final BenchApi api;
    private final String cookie;
    private final Random random = new Random(11);
    private final List<Client> clients = new ArrayList<>();
    private long connects;
    private long resumed;
    private long failed;

    SseChurn(BenchApi api, String cookie, int count) {
        this.api = api;
        this.cookie = cookie;
        for (int i = 0; i < count; i++) {
            clients.add(new Client());
        }
    }

    synchronized void tick() {
        long now = System.nanoTime();
        for (Client c : clients) {
            if (c.leaveAtNanos <= now) {
                c.reconnect(now);
            }
        }
    }

    synchronized void stop() {
        clients.forEach(Client::leave);
    }

    synchronized String json() {
        long violations = 0;
        long duplicates = 0;
        long statuses = 0;
        for (Client c : clients) {
            synchronized (c) {
                violations += c.seen.size();
                duplicates += c.duplicates;
                statuses += c.statuses;
            }
        }
        return String.format(Locale.ROOT,
                "{\"clients\":%d,\"connects\":%d,\"resumed_with_last_event_id\":%d,\"failed\":%d,"
                        + "\"violations\":%d,\"duplicate_violations\":%d,\"camera_status_events\":%d}",
                clients.size(), connects, resumed, failed, violations, duplicates, statuses);
    }

    /** One dashboard across its reconnections. */
    private final class Client {
        private final Set<String> seen = new HashSet<>();
        private SseLines stream;
        private long leaveAtNanos;
        private String lastEventId;
        private String event;
        private String id;
        private long duplicates;
        private long statuses;

        void reconnect(long now) {
            leave();
            String resumeFrom;
            synchronized (this) {
                resumeFrom = lastEventId;
            }
            stream = resumeFrom == null
                    ? api.open("/api/sse/events", cookie, new SseLines(this::line), "Accept", "text/event-stream")
                    : api.open("/api/sse/events", cookie, new SseLines(this::line), "Accept", "text/event-stream",
                            "Last-Event-ID", resumeFrom);
            connects++;
            resumed += resumeFrom == null ? 0 : 1;
            leaveAtNanos = now + (10 + random.nextInt(51)) * 1_000_000_000L;
        }

        void leave() {
            if (stream != null) {
                failed += stream.failed() ? 1 : 0;
                stream.cancel();
                stream = null;
            }
        }

        synchronized void line(CharSequence line, long arrivedNanos) {
            String text = line.toString();
            if (text.isEmpty()) {
                dispatch();
            } else if (text.startsWith("event:")) {
                event = text.substring(6).strip();
            } else if (text.startsWith("id:")) {
                id = text.substring(3).strip();
            }
        }

        private void dispatch() {
            if ("violation".equals(event) && id != null) {
                if (!seen.add(id)) {
                    duplicates++;
                }
                lastEventId = id;
            } else if ("camera_status".equals(event)) {
                statuses++;
            }
            event = null;
            id = null;
        }
    }
}
