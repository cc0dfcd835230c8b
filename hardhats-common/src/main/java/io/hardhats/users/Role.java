package io.hardhats.users;

import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** What a member of an organisation may do (the role matrix of the design, section 5). */
public enum Role implements WireValue {
    ADMIN, MANAGER, OPERATOR;

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
