package io.hardhats.cameras;

import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** Where a camera's video comes from: a live RTSP stream or a video file. */
public enum SourceType implements WireValue {
    RTSP, FILE;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<SourceType> {
        public Converter() {
            super(SourceType.class);
        }
    }
}
