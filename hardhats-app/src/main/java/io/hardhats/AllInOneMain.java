package io.hardhats;

import io.hardhats.allinone.EmbeddedDatabase;

/**
 * The laptop mode: web and worker in one JVM. Without DATABASE_URL it starts a real PostgreSQL
 * from Maven-packaged binaries, keeping its data under {@code data/postgres}.
 */
public final class AllInOneMain {

    private AllInOneMain() {
    }

    public static void main(String[] args) {
        if (isBlank(System.getenv("DATABASE_URL")) && isBlank(System.getProperty("DATABASE_URL"))) {
            String dataDir = System.getenv().getOrDefault("HARDHATS_DATA_DIR", "data");
            System.setProperty("DATABASE_URL", EmbeddedDatabase.start(java.nio.file.Path.of(dataDir)));
        }
        HardhatsApplication.launch("all", args);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
