package io.hardhats.persistence;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link WireValue} enum as its wire spelling; one tiny subclass per enum. */
public abstract class WireValueConverter<E extends Enum<E> & WireValue> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireValueConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wire();
    }

    @Override
    public E convertToEntityAttribute(String value) {
        return value == null ? null : WireValue.parse(type, value);
    }
}
