package io.hardhats.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

/**
 * Production (split web/worker) must be given SECRET_KEY and ENCRYPTION_KEY. The all-in-one
 * laptop mode makes development keys once and keeps them under the data folder
 * ({@link DevelopmentSecrets}), so sessions and stored credentials survive a restart.
 */
public final class SecretKeysLoader {

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
            Properties stored = DevelopmentSecrets.loadOrCreate(properties.dataDir());
            secret = isBlank(secret) ? stored.getProperty(DevelopmentSecrets.SECRET_KEY) : secret;
            fernet = isBlank(fernet) ? stored.getProperty(DevelopmentSecrets.ENCRYPTION_KEY) : fernet;
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

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
