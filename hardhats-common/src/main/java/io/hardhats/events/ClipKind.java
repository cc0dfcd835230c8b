package io.hardhats.events;

import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** How an event's evidence clip was made. */
public enum ClipKind implements WireValue {
    /** The camera's compressed video around the event, copied as received (never decoded). */
    STREAM_COPY,
    /** The frames the worker analysed around the event, encoded once. */
    ANALYSED_FRAMES;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<ClipKind> {
        public Converter() {
            super(ClipKind.class);
        }
    }
}
