package io.hardhats.cameras;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** Which rules a camera applies: protective equipment, a forbidden zone, or both. */
public enum DetectionMode implements WireValue {
    PPE("ppe"), ZONE("zone"), PPE_AND_ZONE("ppe+zone");

    private final String wire;

    DetectionMode(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static DetectionMode fromWire(String value) {
        return WireValue.parse(DetectionMode.class, value);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<DetectionMode> {
        public Converter() {
            super(DetectionMode.class);
        }
    }
}
