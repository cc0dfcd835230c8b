package io.hardhats.crypto;

import java.time.Duration;
import java.time.temporal.TemporalAmount;
import java.util.List;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.StringValidator;
import com.macasaet.fernet.Token;
import com.macasaet.fernet.TokenValidationException;
import com.macasaet.fernet.Validator;
import io.hardhats.config.SecretKeys;
import org.springframework.stereotype.Component;

/**
 * Fernet encryption of camera credentials, readable by Python's {@code cryptography.fernet}
 * and able to read what it wrote. Stored credentials must decrypt forever, so the library's
 * default 60-second token lifetime is replaced by one of a thousand years.
 */
@Component
public class CredentialCipher {

    private static final Validator<String> NEVER_EXPIRES = new StringValidator() {
        @Override
        public TemporalAmount getTimeToLive() {
            return Duration.ofDays(365L * 1000);
        }
    };

    private final Key key;

    public CredentialCipher(SecretKeys keys) {
        this.key = new Key(keys.fernetKey().trim());
    }

    public String encrypt(String plaintext) {
        return Token.generate(key, plaintext).serialise();
    }

    /** @throws CredentialDecryptionException when the token was not made with this key or was altered */
    public String decrypt(String token) {
        try {
            return Token.fromString(token).validateAndDecrypt(List.of(key), NEVER_EXPIRES);
        } catch (TokenValidationException | IllegalArgumentException e) {
            throw new CredentialDecryptionException();
        }
    }

    /** Deliberately without the token or the cause's message, which could echo secrets. */
    public static class CredentialDecryptionException extends RuntimeException {
        CredentialDecryptionException() {
            super("stored credentials cannot be decrypted with the configured ENCRYPTION_KEY");
        }
    }
}
