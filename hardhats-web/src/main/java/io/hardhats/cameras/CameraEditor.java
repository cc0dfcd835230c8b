package io.hardhats.cameras;

import io.hardhats.crypto.CredentialCipher;
import io.hardhats.web.Patch;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a camera request into changes on a camera: checked by {@link CameraRequestValidator},
 * credentials encrypted, the zone polygon stored as JSON.
 */
@Component
record CameraEditor(CameraRequestValidator validator, CredentialCipher cipher, JsonMapper json) {

    /** A new camera needs a name and a source type; the rest has defaults. */
    void checkNew(CameraRequest request) {
        validator.checkNew(request);
    }

    /** Validates everything first, then changes the camera, so a refused request changes nothing. */
    void apply(Camera camera, CameraRequest request) {
        CameraRequestValidator.Checked checked = validator.check(camera, request);
        camera.setSourceType(checked.sourceType());
        if (request.rtspUrl() != null) {
            camera.setRtspUrl(checked.rtspUrl());
        }
        if (checked.urlCredentials() != null) {
            RtspUrl url = checked.urlCredentials();
            camera.setCredentialsEncrypted(cipher.encrypt(url.username() + ":" + url.password()));
        } else if (checked.fieldCredentials()) {
            camera.setCredentialsEncrypted(mergeCredentials(camera.getCredentialsEncrypted(), request));
        }
        Patch.ifGiven(request.name(), name -> camera.setName(name.trim()));
        Patch.ifGiven(request.zone(), zone -> camera.setZone(zone.isBlank() ? null : zone.trim()));
        Patch.ifGiven(request.usePlaceholder(), camera::setUsePlaceholder);
        Patch.ifGiven(request.inferenceWidth(), camera::setInferenceWidth);
        Patch.ifGiven(request.inferenceHeight(), camera::setInferenceHeight);
        Patch.ifGiven(request.targetFps(), camera::setTargetFps);
        Patch.ifGiven(request.positionX(), camera::setPositionX);
        Patch.ifGiven(request.positionY(), camera::setPositionY);
        camera.setDetectionMode(checked.mode());
        Patch.ifGiven(request.zonePolygon(),
                polygon -> camera.setZonePolygonJson(polygon.isEmpty() ? null : json.writeValueAsString(polygon)));
        Patch.ifGiven(request.confidenceThreshold(), camera::setConfidenceThreshold);
        Patch.ifGiven(request.isActive(), camera::setActive);
    }

    /**
     * Username and password fields replace the stored pair; one of them alone keeps the other.
     * An empty username removes the credentials.
     */
    private String mergeCredentials(String encrypted, CameraRequest request) {
        String username = "";
        String password = "";
        if (encrypted != null) {
            String stored = cipher.decrypt(encrypted);
            int colon = stored.indexOf(':');
            username = colon < 0 ? stored : stored.substring(0, colon);
            password = colon < 0 ? "" : stored.substring(colon + 1);
        }
        if (request.username() != null) {
            username = request.username();
        }
        if (request.password() != null) {
            password = request.password();
        }
        if (username.isEmpty()) {
            return null;
        }
        return cipher.encrypt(username + ":" + password);
    }
}
