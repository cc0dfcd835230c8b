package io.hardhats.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production (split web/worker) must be given SECRET_KEY and ENCRYPTION_KEY. The all-in-one
 * laptop mode makes development keys once and keeps them under the data folder, so sessions
 * and stored credentials survive a restart. The values themselves are never logged.
 */
public final class SecretKeysLoader {

    private static final Logger log = LoggerFactory.getLogger(SecretKeysLoader.class);
    static final int MIN_SECRET_BYTES = 32;

    private SecretKeysLoader() {
    }

    public static SecretKeys load(HardhatsProperties properties) {
        String secret = properties.secretKey();
        String fernet = properties.encryptionKey();
        if (isBlank(secret) || isBlank(fernet)) {
            if (!properties.allInOne()) {
                throw new IllegalStateException("SECRET_KEY (at least 32 bytes) and ENCRYPTION_KEY (a Fernet key) "
                        + "must be set when HARDHATS_ROLE is " + properties.role().name().toLowerCase()
                        + "; generate them with: openssl rand -base64 48 and "
                        + "python3 -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'");
            }
            Properties stored = loadOrCreateDevelopmentKeys(properties.dataDir().resolve("secrets.properties"));
            secret = isBlank(secret) ? stored.getProperty("secret_key") : secret;
            fernet = isBlank(fernet) ? stored.getProperty("encryption_key") : fernet;
        }
        byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        if (secretBytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("SECRET_KEY must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        validateFernetKey(fernet);
        return new SecretKeys(secretBytes, fernet);
    }

    private static void validateFernetKey(String key) {
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ENCRYPTION_KEY is not a Fernet key (url-safe base64 of 32 bytes)");
        }
        if (decoded.length != 32) {
            throw new IllegalStateException("ENCRYPTION_KEY is not a Fernet key (url-safe base64 of 32 bytes)");
        }
    }

    private static Properties loadOrCreateDevelopmentKeys(Path file) {
        Properties keys = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    keys.load(in);
                }
                log.info("Using the development keys kept in {} (all-in-one mode)", file);
                return keys;
            }
            SecureRandom random = new SecureRandom();
            keys.setProperty("secret_key", randomBase64(random, 48));
            keys.setProperty("encryption_key", randomBase64(random, 32));
            Files.createDirectories(file.getParent());
            Files.createFile(file);
            restrictToOwner(file);
            try (OutputStream out = Files.newOutputStream(file)) {
                keys.store(out, "Development keys made by Hard Hats all-in-one mode. Do not use in production.");
            }
            log.warn("Generated development SECRET_KEY and ENCRYPTION_KEY and saved them in {} (all-in-one mode); "
                    + "set both variables in production", file);
            return keys;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep development keys in " + file + ": " + e.getMessage(), e);
        }
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
