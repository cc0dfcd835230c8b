package io.hardhats.cameras;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** A camera's live state as its worker last reported it. */
public enum CameraStatus implements WireValue {
    ONLINE("online"), CONNECTING("connecting"), ERROR("error"), PLACEHOLDER("placeholder"), OFFLINE("offline");

    private final String wire;

    CameraStatus(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static CameraStatus fromWire(String value) {
        return WireValue.parse(CameraStatus.class, value);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<CameraStatus> {
        public Converter() {
            super(CameraStatus.class);
        }
    }
}
