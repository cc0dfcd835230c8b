package io.hardhats.cameras;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.hardhats.crypto.CredentialCipher;
import org.springframework.stereotype.Component;

/**
 * Puts a camera's stored credentials back into its URL, just before something connects to it
 * (the worker's ingest, the web service's connection test). The result must never be logged or
 * returned as it is.
 */
@Component
public class CameraUrls {

    private final CredentialCipher cipher;

    public CameraUrls(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    /** {@code rtspUrl} with the decrypted {@code user:password@}; unchanged when there are no credentials. */
    public String withCredentials(String rtspUrl, String credentialsEncrypted) {
        if (credentialsEncrypted == null || rtspUrl == null) {
            return rtspUrl;
        }
        String stored = cipher.decrypt(credentialsEncrypted);
        int colon = stored.indexOf(':');
        String user = colon < 0 ? stored : stored.substring(0, colon);
        String password = colon < 0 ? "" : stored.substring(colon + 1);
        URI uri = URI.create(rtspUrl);
        String userInfo = encode(user) + (password.isEmpty() ? "" : ":" + encode(password));
        String authority = userInfo + "@" + uri.getRawAuthority();
        return uri.getScheme() + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
