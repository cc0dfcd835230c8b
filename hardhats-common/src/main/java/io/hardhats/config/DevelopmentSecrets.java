package io.hardhats.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets all-in-one mode makes for itself, kept in one owner-only file of the data folder:
 * the JWT signing key, the Fernet key and the embedded database's password. Each is generated
 * the first time it is asked for, so a data folder from an older version gains the ones it
 * lacks. The values themselves are never logged.
 */
public final class DevelopmentSecrets {

    public static final String SECRET_KEY = "secret_key";
    public static final String ENCRYPTION_KEY = "encryption_key";
    public static final String DATABASE_PASSWORD = "database_password";
    private static final List<String> NAMES = List.of(SECRET_KEY, ENCRYPTION_KEY, DATABASE_PASSWORD);

    private static final Logger log = LoggerFactory.getLogger(DevelopmentSecrets.class);

    private DevelopmentSecrets() {
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve("secrets.properties");
    }

    /** Every development secret of the data folder, generating and saving the missing ones. */
    public static synchronized Properties loadOrCreate(Path dataDir) {
        Path file = file(dataDir);
        Properties secrets = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
            }
            List<String> generated = new ArrayList<>();
            SecureRandom random = new SecureRandom();
            for (String name : NAMES) {
                if (isBlank(secrets.getProperty(name))) {
                    // The Fernet key is exactly 32 bytes; the others are simply long.
                    secrets.setProperty(name, randomBase64(random, ENCRYPTION_KEY.equals(name) ? 32 : 48));
                    generated.add(name);
                }
            }
            if (!generated.isEmpty()) {
                save(secrets, file);
                log.warn("Generated development secrets {} and saved them in {} (all-in-one mode); "
                        + "set SECRET_KEY and ENCRYPTION_KEY in production", generated, file);
            }
            return secrets;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep development secrets in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void save(Properties secrets, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        // Written owner-only beside the file, then moved over it: no moment with a readable copy or half a file.
        Path next = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(next);
        Files.createFile(next);
        restrictToOwner(next);
        try (OutputStream out = Files.newOutputStream(next)) {
            secrets.store(out, "Development secrets made by Hard Hats all-in-one mode. Do not use in production.");
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system (Windows): the folder's own permissions apply.
        }
    }

    private static String randomBase64(SecureRandom random, int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().encodeToString(buffer);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
