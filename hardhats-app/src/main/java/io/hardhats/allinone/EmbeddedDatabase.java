package io.hardhats.allinone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.hardhats.config.DevelopmentSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL server for all-in-one mode, owned by one data folder: the folder is locked
 * for the life of the process, the server is this process's child on a free (or a configured
 * and checked) loopback port, protected by a generated password kept with the other
 * development secrets, and watched so that it comes back if it dies. PostgreSQL refuses to run
 * as root, so this says what to do instead of failing obscurely. It stops after the
 * application has: a JVM shutdown hook of its own would run alongside the application's
 * graceful shutdown and pull the database from under the worker while it still records its
 * cameras' last frames and releases their leases.
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** A free port found is free only until someone else binds it; try a fresh one a few times. */
    private static final int PORT_ATTEMPTS = 5;

    private final PostgresServer server;
    private final PostgresWatchdog watchdog;
    private final DataFolderLock lock;
    private final String url;

    private EmbeddedDatabase(PostgresServer server, PostgresWatchdog watchdog, DataFolderLock lock, String url) {
        this.server = server;
        this.watchdog = watchdog;
        this.lock = lock;
        this.url = url;
    }

    /** Starts the server on the settings' data folder. */
    public static EmbeddedDatabase start(EmbeddedPostgresSettings settings) {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("PostgreSQL cannot run as root. Start Hard Hats with ./run.sh "
                    + "(it switches to an unprivileged user) or as an ordinary user, or set DATABASE_URL.");
        }
        DataFolderLock lock = DataFolderLock.acquire(settings.dataDir());
        try {
            String password = DevelopmentSecrets.loadOrCreate(settings.dataDir())
                    .getProperty(DevelopmentSecrets.DATABASE_PASSWORD);
            PostgresServer server = new PostgresServer(PostgresBinaries.prepare(settings.binaries()), settings, password);
            server.stopOrphan();
            server.prepare();
            int port = startOnAPort(server, settings.port());
            PostgresWatchdog watchdog = new PostgresWatchdog(server, port);
            watchdog.start();
            log.info("Embedded PostgreSQL running on 127.0.0.1:{} with data in {} (password in {})",
                    port, settings.pgData(), DevelopmentSecrets.file(settings.dataDir()));
            return new EmbeddedDatabase(server, watchdog, lock,
                    "postgresql://" + PostgresServer.SUPERUSER + ":" + password + "@127.0.0.1:" + port + "/postgres");
        } catch (IOException e) {
            lock.release();
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + settings.pgData()
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    private static int startOnAPort(PostgresServer server, int configured) throws IOException {
        if (configured > 0) {
            if (!isFree(configured)) {
                throw new IOException("port " + configured + " (hardhats.embedded-postgres.port) is already in use; "
                        + "choose another or leave it unset for a free one");
            }
            server.start(configured);
            return configured;
        }
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            try {
                server.start(port);
                return port;
            } catch (PostgresServer.ServerExitedException e) {
                if (!e.portTaken() || attempt == PORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** DATABASE_URL of the server, password included. */
    public String url() {
        return url;
    }

    /**
     * Stops the server once the running application has shut down. Spring Boot runs its shutdown
     * handlers after every application context has closed, the most recently added first: added
     * now, after the application started, this one runs before the logging system's, so its
     * last words are still logged.
     */
    public void stopAfterTheApplication() {
        try {
            SpringApplication.getShutdownHandlers().add(this::stop);
        } catch (IllegalStateException shuttingDown) {
            stop();
        }
    }

    public void stop() {
        watchdog.stop();
        try {
            server.stop();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        } finally {
            lock.release();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
