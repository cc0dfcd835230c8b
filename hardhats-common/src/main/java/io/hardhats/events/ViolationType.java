package io.hardhats.events;

import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** What a worker did wrong. */
public enum ViolationType implements WireValue {
    NO_HARDHAT, NO_VEST, ZONE_BREACH;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<ViolationType> {
        public Converter() {
            super(ViolationType.class);
        }
    }
}
