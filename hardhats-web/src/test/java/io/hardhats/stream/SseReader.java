package io.hardhats.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A text/event-stream client collecting events (and comments) on a background thread. */
final class SseReader implements AutoCloseable {

    record Received(String event, String id, String data, String comment) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpResponse<java.io.InputStream> response;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Thread thread;

    SseReader(int port, String sessionCookie, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sse/events"))
                .header("Accept", "text/event-stream");
        if (sessionCookie != null) {
            request.header("Cookie", "session=" + sessionCookie);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        this.response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        this.thread = new Thread(this::read, "sse-reader");
        thread.setDaemon(true);
        thread.start();
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("content-type").orElse("");
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            StringBuilder data = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        received.add(new Received(event, id, data.toString(), null));
                    }
                    event = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    received.add(new Received(null, null, null, line.substring(1)));
                } else if (line.startsWith("event:")) {
                    event = line.substring(6);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3);
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring(5));
                }
            }
        } catch (IOException e) {
            // Closed by the test.
        }
    }

    /** The next event (comments skipped), or null after the timeout. */
    Received nextEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received next = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (next == null || next.comment() == null) {
                return next;
            }
        }
    }

    /** The next comment line (heartbeat), or null after the timeout. */
    Received nextComment(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received next = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (next == null || next.comment() != null) {
                return next;
            }
        }
    }

    /** Whether the server ended the stream within the timeout. */
    boolean endsWithin(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        return !thread.isAlive();
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        thread.interrupt();
    }
}
