package io.hardhats.persistence;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum with one lowercase spelling, used alike in JSON (through {@code @JsonValue}, which
 * Jackson also uses to read it back), in the database and in query strings.
 */
public interface WireValue {

    String name();

    @JsonValue
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireValue> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(WireValue::wire).collect(Collectors.joining(", ")));
    }
}
