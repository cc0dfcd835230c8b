package io.hardhats.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** What a worker did wrong. */
public enum ViolationType implements WireValue {
    NO_HARDHAT("no_hardhat"), NO_VEST("no_vest"), ZONE_BREACH("zone_breach");

    private final String wire;

    ViolationType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ViolationType fromWire(String value) {
        return WireValue.parse(ViolationType.class, value);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<ViolationType> {
        public Converter() {
            super(ViolationType.class);
        }
    }
}
