package io.hardhats.config;

/**
 * The two keys the product cannot run without: the JWT signing key and the Fernet key that
 * encrypts camera credentials. {@link SecretKeysLoader} decides where they come from.
 */
public record SecretKeys(byte[] jwtSigningKey, String fernetKey) {

    @Override
    public String toString() {
        return "SecretKeys[***]";
    }
}
