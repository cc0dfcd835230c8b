package io.hardhats.pipeline;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.hardhats.cameras.SourceType;
import io.hardhats.crypto.CredentialCipher;
import io.hardhats.fleet.CameraConfig;
import io.hardhats.ingest.CameraSource;
import org.springframework.stereotype.Component;

/**
 * Turns a camera's stored configuration into what the ingest opens. This is the only place
 * credentials are decrypted and put back into the URL, just before connecting.
 */
@Component
public class CameraSources {

    private final CredentialCipher cipher;
    private final PlaceholderVideos placeholders;

    public CameraSources(CredentialCipher cipher, PlaceholderVideos placeholders) {
        this.cipher = cipher;
        this.placeholders = placeholders;
    }

    public CameraSource from(CameraConfig camera) {
        Path placeholder = camera.placeholderVideo() == null ? null
                : placeholders.localFile(camera.organizationId(), camera.placeholderVideo()).orElse(null);
        if (camera.sourceType() == SourceType.FILE) {
            return new CameraSource(camera.id(), SourceType.FILE, placeholder == null ? null : placeholder.toString(),
                    placeholder, true, camera.targetFps());
        }
        return new CameraSource(camera.id(), SourceType.RTSP, withCredentials(camera), placeholder,
                camera.usePlaceholder(), camera.targetFps());
    }

    private String withCredentials(CameraConfig camera) {
        if (camera.credentialsEncrypted() == null || camera.rtspUrl() == null) {
            return camera.rtspUrl();
        }
        String stored = cipher.decrypt(camera.credentialsEncrypted());
        int colon = stored.indexOf(':');
        String user = colon < 0 ? stored : stored.substring(0, colon);
        String password = colon < 0 ? "" : stored.substring(colon + 1);
        URI uri = URI.create(camera.rtspUrl());
        String userInfo = encode(user) + (password.isEmpty() ? "" : ":" + encode(password));
        String authority = userInfo + "@" + uri.getRawAuthority();
        return uri.getScheme() + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
