package io.hardhats.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * GStreamer's RTSP server (src/test/resources/rtsp_server.py, system python3 with gi) serving an
 * mp4 at rtsp://USER:PASS@127.0.0.1:PORT/cam1 without re-encoding, with basic auth.
 */
public final class RtspTestServer implements AutoCloseable {

    public static final String USER = "site";
    public static final String PASSWORD = "S3cr3t-pw";

    private final Path media;
    private final int port;
    private Process process;

    RtspTestServer(Path media) {
        this.media = media;
        this.port = freePort();
    }

    public static RtspTestServer start(Path media) {
        RtspTestServer server = new RtspTestServer(media);
        server.start();
        return server;
    }

    public String url() {
        return url(USER, PASSWORD);
    }

    public String url(String user, String password) {
        return "rtsp://" + user + ":" + password + "@127.0.0.1:" + port + "/cam1";
    }

    public int port() {
        return port;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Path script = script();
            process = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(port),
                    media.toString(), USER, PASSWORD).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                StringBuilder seen = new StringBuilder();
                try {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("READY")) {
                            return null;
                        }
                        seen.append(line).append('\n');
                    }
                } catch (IOException e) {
                    seen.append(e);
                }
                return seen.toString();
            });
            String failure = ready.get(60, TimeUnit.SECONDS);
            if (failure != null) {
                throw new IllegalStateException("RTSP test server did not start: " + failure);
            }
            // keep draining its output so it never blocks on a full pipe
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // discard
                    }
                } catch (IOException ignored) {
                    // process ended
                }
            }, "rtsp-server-output");
            drain.setDaemon(true);
            drain.start();
        } catch (IOException | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            stop();
            throw new IllegalStateException("RTSP test server did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** The server script, copied out of the test jar when the tests run from one. */
    private static Path script() throws IOException {
        try (InputStream in = RtspTestServer.class.getResourceAsStream("/rtsp_server.py")) {
            if (in == null) {
                throw new IOException("rtsp_server.py is missing from the test class path");
            }
            Path script = Files.createTempFile("hardhats-rtsp-server", ".py");
            script.toFile().deleteOnExit();
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            return script;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
