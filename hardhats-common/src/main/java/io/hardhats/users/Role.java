package io.hardhats.users;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** What a member of an organisation may do (the role matrix of the design, section 5). */
public enum Role implements WireValue {
    ADMIN("admin"), MANAGER("manager"), OPERATOR("operator");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Role fromWire(String value) {
        return WireValue.parse(Role.class, value);
    }

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<Role> {
        public Converter() {
            super(Role.class);
        }
    }
}
