package io.hardhats.persistence;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum whose constants have one lowercase spelling, used alike in JSON, in the database and
 * in query strings (e.g. {@code ppe+zone}).
 */
public interface WireValue {

    String wire();

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
