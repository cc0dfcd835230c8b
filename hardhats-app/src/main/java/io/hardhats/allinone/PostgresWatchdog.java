package io.hardhats.allinone;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the embedded PostgreSQL back when it dies under a running Hard Hats, on the same
 * port, so the connection pool finds it again without a restart of the application. Until it
 * is back, requests fail fast (the pool's timeout) and readiness says the database is down.
 */
final class PostgresWatchdog {

    private static final Logger log = LoggerFactory.getLogger(PostgresWatchdog.class);
    /** Backends of a killed server linger a moment holding its shared memory; retry until they have gone. */
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final PostgresServer server;
    private final int port;
    private final Thread thread;
    private volatile boolean stopping;

    PostgresWatchdog(PostgresServer server, int port) {
        this.server = server;
        this.port = port;
        this.thread = new Thread(this::watch, "postgres-watchdog");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** No more restarts: the server is being stopped on purpose. */
    void stop() {
        stopping = true;
        thread.interrupt();
    }

    private void watch() {
        try {
            while (!stopping) {
                int exitCode = server.process().waitFor();
                if (stopping) {
                    return;
                }
                log.error("The embedded PostgreSQL stopped unexpectedly (exit code {}); restarting it", exitCode);
                restart();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void restart() throws InterruptedException {
        for (int attempt = 1; !stopping; attempt++) {
            try {
                server.start(port);
                log.info("Embedded PostgreSQL running again on port {}", port);
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt % 10 == 1) {
                    log.warn("The embedded PostgreSQL did not restart yet (attempt {}): {}", attempt, e.getMessage());
                }
                Thread.sleep(RETRY.toMillis());
            }
        }
    }
}
