package io.hardhats.cameras;

import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** A camera's live state as its worker last reported it. */
public enum CameraStatus implements WireValue {
    ONLINE, CONNECTING, ERROR, PLACEHOLDER, OFFLINE;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<CameraStatus> {
        public Converter() {
            super(CameraStatus.class);
        }
    }
}
