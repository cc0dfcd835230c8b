package io.hardhats;

import io.hardhats.allinone.DataFolderLock;
import io.hardhats.allinone.EmbeddedDatabase;
import io.hardhats.allinone.EmbeddedPostgresSettings;

/**
 * The laptop mode: web and worker in one JVM. Without DATABASE_URL it starts a real PostgreSQL
 * from Maven-packaged binaries, keeping its data under {@code data/postgres}.
 */
public final class AllInOneMain {

    /** Exit status when another process already runs on the data folder. */
    static final int DATA_FOLDER_IN_USE = 3;

    private AllInOneMain() {
    }

    public static void main(String[] args) {
        if (!isBlank(System.getenv("DATABASE_URL")) || !isBlank(System.getProperty("DATABASE_URL"))) {
            HardhatsApplication.launch("all", args);
            return;
        }
        EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.fromEnvironment();
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(settings);
        } catch (DataFolderLock.DataFolderInUseException e) {
            System.err.println(e.getMessage());
            System.exit(DATA_FOLDER_IN_USE);
            return;
        }
        System.setProperty("DATABASE_URL", database.url());
        // The keys go beside the database's password, whatever other setting names a data folder.
        System.setProperty("hardhats.data-dir", settings.dataDir().toString());
        try {
            HardhatsApplication.launch("all", args);
        } catch (RuntimeException e) {
            database.stop();
            throw e;
        }
        database.stopAfterTheApplication();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
