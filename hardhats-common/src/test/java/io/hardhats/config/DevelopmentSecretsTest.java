package io.hardhats.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void theDatabasePasswordIsGeneratedOnceAndKeptOwnerOnly() throws IOException {
        Properties first = DevelopmentSecrets.loadOrCreate(dataDir);
        String password = first.getProperty(DevelopmentSecrets.DATABASE_PASSWORD);
        assertThat(password).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
        Path file = DevelopmentSecrets.file(dataDir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        assertThat(DevelopmentSecrets.loadOrCreate(dataDir).getProperty(DevelopmentSecrets.DATABASE_PASSWORD))
                .isEqualTo(password);
    }

    @Test
    void aFolderFromAnOlderVersionKeepsItsKeysAndGainsAPassword() throws IOException {
        Properties older = new Properties();
        older.setProperty(DevelopmentSecrets.SECRET_KEY, "an-older-signing-key-of-more-than-32-bytes-0123");
        older.setProperty(DevelopmentSecrets.ENCRYPTION_KEY, "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=");
        try (OutputStream out = Files.newOutputStream(DevelopmentSecrets.file(dataDir))) {
            older.store(out, null);
        }

        Properties upgraded = DevelopmentSecrets.loadOrCreate(dataDir);

        assertThat(upgraded.getProperty(DevelopmentSecrets.SECRET_KEY)).isEqualTo(older.getProperty(DevelopmentSecrets.SECRET_KEY));
        assertThat(upgraded.getProperty(DevelopmentSecrets.ENCRYPTION_KEY))
                .isEqualTo(older.getProperty(DevelopmentSecrets.ENCRYPTION_KEY));
        assertThat(upgraded.getProperty(DevelopmentSecrets.DATABASE_PASSWORD)).isNotBlank();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DevelopmentSecrets.file(dataDir))))
                .isEqualTo("rw-------");
    }
}
