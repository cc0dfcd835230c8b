package io.hardhats.cameras;

import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** Which rules a camera applies: protective equipment, a forbidden zone, or both. */
public enum DetectionMode implements WireValue {
    PPE, ZONE, PPE_AND_ZONE;

    @Override
    public String wire() {
        return this == PPE_AND_ZONE ? "ppe+zone" : WireValue.super.wire();
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<DetectionMode> {
        public Converter() {
            super(DetectionMode.class);
        }
    }
}
