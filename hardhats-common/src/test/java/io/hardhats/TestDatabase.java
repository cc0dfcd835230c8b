package io.hardhats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM, shared by every Spring context of the run.
 * PostgreSQL refuses to run as root: run the tests as an ordinary user (see the README).
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the temporary data folder goes with the process.
                }
            }));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** A new, empty database on the same server, for tests that migrate a schema step by step. */
    public static String freshDatabase() throws SQLException {
        String name = "fresh_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection server = DriverManager.getConnection(url())) {
            server.createStatement().execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }
}
