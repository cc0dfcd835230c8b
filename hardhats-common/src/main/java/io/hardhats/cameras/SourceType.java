package io.hardhats.cameras;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** Where a camera's video comes from: a live RTSP stream or a video file. */
public enum SourceType implements WireValue {
    RTSP("rtsp"), FILE("file");

    private final String wire;

    SourceType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static SourceType fromWire(String value) {
        return WireValue.parse(SourceType.class, value);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<SourceType> {
        public Converter() {
            super(SourceType.class);
        }
    }
}
