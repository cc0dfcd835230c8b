package io.hardhats.cameras;

import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** A camera's live state as its worker last reported it. */
public enum CameraStatus implements WireValue {
    ONLINE, CONNECTING, ERROR, PLACEHOLDER, OFFLINE;

    /**
     * The one meaning of "online" on every page: the camera delivers frames. A camera in demo mode
     * streams its placeholder video and raises violations, so it counts too.
     */
    public boolean isOnline() {
        return this == ONLINE || this == PLACEHOLDER;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<CameraStatus> {
        public Converter() {
            super(CameraStatus.class);
        }
    }
}
