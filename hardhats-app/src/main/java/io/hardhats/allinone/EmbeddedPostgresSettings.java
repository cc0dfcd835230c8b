package io.hardhats.allinone;

import java.nio.file.Path;

/**
 * How the embedded PostgreSQL runs. It starts before Spring, so it reads the environment and
 * system properties itself: {@code HARDHATS_DATA_DIR} (the folder, as application.yml),
 * {@code hardhats.embedded-postgres.port} (0 or absent: a free port) and
 * {@code hardhats.embedded-postgres.fsync} (true unless a test suite trades durability for speed).
 */
public record EmbeddedPostgresSettings(Path dataDir, int port, boolean fsync) {

    public static EmbeddedPostgresSettings fromEnvironment() {
        String dataDir = System.getenv().getOrDefault("HARDHATS_DATA_DIR", "data");
        return new EmbeddedPostgresSettings(Path.of(dataDir).toAbsolutePath(),
                Integer.getInteger("hardhats.embedded-postgres.port", 0),
                Boolean.parseBoolean(System.getProperty("hardhats.embedded-postgres.fsync", "true")));
    }

    Path pgData() {
        return dataDir.resolve("postgres");
    }

    Path binaries() {
        return dataDir.resolve("postgres-binaries");
    }

    Path serverLog() {
        return dataDir.resolve("postgres.log");
    }
}
