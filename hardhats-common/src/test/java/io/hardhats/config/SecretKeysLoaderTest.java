package io.hardhats.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Properties;

import io.hardhats.config.HardhatsProperties.Role;
import io.hardhats.crypto.CredentialCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysLoaderTest {

    private static final String SECRET = "a-signing-key-of-more-than-32-bytes-0123456789";
    private static final String FERNET = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";

    @TempDir
    Path dataDir;

    private HardhatsProperties properties(Role role, String secret, String fernet) {
        return new HardhatsProperties(role, null, null, secret, fernet, 60, null, 50, 25, dataDir, null, null, null);
    }

    @Test
    void splitDeploymentsNeedBothKeys() {
        for (Role role : new Role[] {Role.WEB, Role.WORKER}) {
            for (String[] keys : new String[][] {{null, null}, {SECRET, null}, {null, FERNET}, {"", " "}}) {
                assertThatThrownBy(() -> SecretKeysLoader.load(properties(role, keys[0], keys[1])))
                        .as(role + " with " + keys[0] + " / " + keys[1])
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("SECRET_KEY")
                        .hasMessageContaining("ENCRYPTION_KEY")
                        .hasMessageContaining(role.name().toLowerCase());
            }
        }
        try (var files = list(dataDir)) {
            assertThat(files).as("nothing is generated outside all-in-one mode").isEmpty();
        }
    }

    @Test
    void aShortSigningKeyIsRefused() {
        String thirtyOne = "x".repeat(31);
        for (Role role : Role.values()) {
            assertThatThrownBy(() -> SecretKeysLoader.load(properties(role, thirtyOne, FERNET)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SECRET_KEY")
                    .hasMessageContaining("32")
                    .hasMessageNotContaining(thirtyOne);
        }
        // Bytes, not characters: 16 two-byte characters are 32 bytes.
        assertThat(SecretKeysLoader.load(properties(Role.WEB, "é".repeat(16), FERNET)).jwtSigningKey()).hasSize(32);
        assertThat(SecretKeysLoader.load(properties(Role.WEB, "x".repeat(32), FERNET)).jwtSigningKey()).hasSize(32);
    }

    @Test
    void aKeyThatIsNotAFernetKeyIsRefused() {
        String sixteenBytes = Base64.getUrlEncoder().encodeToString(new byte[16]);
        String standardBase64 = "+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/8=";
        for (String key : new String[] {"not a key at all!", sixteenBytes, SECRET, standardBase64}) {
            assertThatThrownBy(() -> SecretKeysLoader.load(properties(Role.WEB, SECRET, key)))
                    .as(key)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ENCRYPTION_KEY")
                    .hasMessageNotContaining(key);
        }
    }

    @Test
    void allInOneGeneratesPersistsAndReusesKeys() throws IOException {
        SecretKeys first = SecretKeysLoader.load(properties(Role.ALL, null, null));
        Path file = dataDir.resolve("secrets.properties");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.jwtSigningKey().length).isGreaterThanOrEqualTo(32);
        assertThat(Base64.getUrlDecoder().decode(first.fernetKey())).hasSize(32);

        Properties stored = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            stored.load(in);
        }
        assertThat(stored.getProperty("secret_key").getBytes(StandardCharsets.UTF_8)).isEqualTo(first.jwtSigningKey());
        assertThat(stored.getProperty("encryption_key")).isEqualTo(first.fernetKey());

        SecretKeys second = SecretKeysLoader.load(properties(Role.ALL, null, null));
        assertThat(second.jwtSigningKey()).isEqualTo(first.jwtSigningKey());
        assertThat(second.fernetKey()).isEqualTo(first.fernetKey());
        assertThat(new CredentialCipher(second).decrypt(new CredentialCipher(first).encrypt("user:pass")))
                .isEqualTo("user:pass");
        assertThat(first.toString()).doesNotContain(first.fernetKey());

        // Another data folder gets keys of its own.
        Path elsewhere = dataDir.resolve("other");
        SecretKeys other = SecretKeysLoader.load(
                new HardhatsProperties(Role.ALL, null, null, null, null, 60, null, 50, 25, elsewhere, null, null, null));
        assertThat(other.fernetKey()).isNotEqualTo(first.fernetKey());
    }

    @Test
    void givenKeysWinOverStoredOnes() {
        SecretKeys generated = SecretKeysLoader.load(properties(Role.ALL, null, null));

        SecretKeys given = SecretKeysLoader.load(properties(Role.ALL, SECRET, FERNET));
        assertThat(given.jwtSigningKey()).isEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(given.fernetKey()).isEqualTo(FERNET);

        SecretKeys onlySecret = SecretKeysLoader.load(properties(Role.ALL, SECRET, null));
        assertThat(onlySecret.jwtSigningKey()).isEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(onlySecret.fernetKey()).isEqualTo(generated.fernetKey());

        SecretKeys onlyFernet = SecretKeysLoader.load(properties(Role.ALL, null, FERNET));
        assertThat(onlyFernet.jwtSigningKey()).isEqualTo(generated.jwtSigningKey());
        assertThat(onlyFernet.fernetKey()).isEqualTo(FERNET);

        SecretKeys web = SecretKeysLoader.load(properties(Role.WEB, SECRET, FERNET));
        assertThat(web.fernetKey()).isEqualTo(FERNET);
    }

    private static java.util.stream.Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
