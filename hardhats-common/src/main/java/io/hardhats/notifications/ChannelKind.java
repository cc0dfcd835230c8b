package io.hardhats.notifications;

import io.hardhats.persistence.WireValue;
import io.hardhats.persistence.WireValueConverter;

/** Where an organisation's alerts can go. The one list of channel types: API, database and dispatcher read it. */
public enum ChannelKind implements WireValue {
    EMAIL, SLACK, TEAMS, WEBHOOK;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireValueConverter<ChannelKind> {
        public Converter() {
            super(ChannelKind.class);
        }
    }
}
