package io.hardhats.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** How urgent a violation is. */
public enum Severity implements WireValue {
    LOW("low"), MEDIUM("medium"), HIGH("high"), CRITICAL("critical");

    private final String wire;

    Severity(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Severity fromWire(String value) {
        return WireValue.parse(Severity.class, value);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<Severity> {
        public Converter() {
            super(Severity.class);
        }
    }
}
