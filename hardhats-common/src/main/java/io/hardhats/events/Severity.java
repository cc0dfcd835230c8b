package io.hardhats.events;

import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** How urgent a violation is. */
public enum Severity implements WireValue {
    LOW, MEDIUM, HIGH, CRITICAL;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<Severity> {
        public Converter() {
            super(Severity.class);
        }
    }
}
