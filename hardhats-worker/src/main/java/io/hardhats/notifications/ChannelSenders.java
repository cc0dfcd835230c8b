package io.hardhats.notifications;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The sender of each channel kind: e-mail's own {@link ChannelSender} (present only when SMTP is
 * configured), and for the HTTP kinds the one guarded HTTP transport with the body of that
 * kind's {@link AlertPayloads}.
 */
@Component
class ChannelSenders {

    private final Map<ChannelKind, ChannelSender> byKind = new EnumMap<>(ChannelKind.class);

    ChannelSenders(List<ChannelSender> senders, List<AlertPayloads> payloads, GuardedHttpPoster http) {
        senders.forEach(sender -> byKind.put(sender.kind(), sender));
        payloads.forEach(kind -> byKind.put(kind.kind(), new HttpChannelSender(kind, http)));
    }

    Optional<ChannelSender> of(ChannelKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
