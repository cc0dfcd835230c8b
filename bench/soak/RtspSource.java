package soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** GStreamer's test RTSP server serving the clip at rtsp://127.0.0.1:PORT/cam1 with basic auth, which the soak restarts. */
final class RtspSource {

    static final String USER = "soak";
    static final String PASSWORD = "soak-secret";

    private final SoakSettings settings;
    private volatile Process process;

    RtspSource(SoakSettings settings) {
        this.settings = settings;
    }

    String url() {
        return "rtsp://127.0.0.1:" + settings.rtspPort() + "/cam1";
    }

    /** Starts the server and answers when it listens (epoch ms); gives up after a minute. */
    synchronized long start() throws IOException, InterruptedException {
        process = new ProcessBuilder(settings.python(), settings.rtspScript().toString(),
                Integer.toString(settings.rtspPort()), settings.clip().toString(), USER, PASSWORD)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Long> ready = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        // reads on for the server's whole life, so that a chatty server never blocks on a full pipe
        Thread.ofVirtual().start(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("READY")) {
                        ready.complete(System.currentTimeMillis());
                    } else if (!ready.isDone()) {
                        seen.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                seen.append(e);
            }
            ready.completeExceptionally(new IOException("RTSP server ended: " + seen));
        });
        try {
            return ready.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IOException("RTSP server did not start: " + seen, e);
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 10 s) and waits for it to be gone. */
    synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    void stopQuietly() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
