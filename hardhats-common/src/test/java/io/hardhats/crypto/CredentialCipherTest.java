package io.hardhats.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hardhats.config.SecretKeys;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    /** The published Fernet specification vector, as Python's cryptography.fernet produces it. */
    private static final String SPEC_KEY = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
    private static final String SPEC_TOKEN =
            "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==";

    private final CredentialCipher cipher = cipherFor(SPEC_KEY);

    private static CredentialCipher cipherFor(String fernetKey) {
        return new CredentialCipher(new SecretKeys(new byte[32], fernetKey));
    }

    @Test
    void decryptsTheSpecificationVectorWithoutExpiringIt() {
        assertThat(cipher.decrypt(SPEC_TOKEN)).isEqualTo("hello");
    }

    @Test
    void refusesATamperedToken() {
        char[] chars = SPEC_TOKEN.toCharArray();
        int middle = chars.length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> cipher.decrypt(new String(chars)))
                .isInstanceOf(CredentialCipher.CredentialDecryptionException.class)
                .hasMessageNotContaining(SPEC_TOKEN);
    }

    @Test
    void refusesATokenMadeWithAnotherKey() {
        String other = cipherFor("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").encrypt("admin:secret");
        assertThatThrownBy(() -> cipher.decrypt(other))
                .isInstanceOf(CredentialCipher.CredentialDecryptionException.class);
    }

    @Test
    void roundTripsCredentials() {
        String token = cipher.encrypt("admin:p@ss:word");
        assertThat(token).doesNotContain("admin").startsWith("gAAAAA");
        assertThat(cipher.decrypt(token)).isEqualTo("admin:p@ss:word");
    }
}
