package io.hardhats.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.hardhats.audit.AuditAction;
import io.hardhats.audit.AuditTrail;
import io.hardhats.notifications.NotificationOutbox.NewDelivery;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Send test": a sample alert put in the outbox like any other, so it takes the real path
 * (dispatcher, sender, retries, delivery log). Rate limited, since each one is a message to a
 * receiver the organisation named.
 */
@Service
public class ChannelTests {

    private final ChannelStore store;
    private final NotificationOutbox outbox;
    private final AuditTrail audit;
    private final TestSendLimits limits;
    private final Clock clock;

    ChannelTests(ChannelStore store, NotificationOutbox outbox, AuditTrail audit, TestSendLimits limits,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
    }

    /** Answers the delivery's id. */
    @Transactional
    public UUID send(UUID channelId) {
        ChannelView channel = store.find(channelId).orElseThrow(() -> ApiException.notFound("notification channel"));
        if (!channel.enabled()) {
            throw ApiException.conflict("channel_disabled", "the channel is disabled; enable it to send a test");
        }
        limits.check(TenantContext.requireOrganization(), channelId);
        Instant now = clock.instant();
        UUID delivery = outbox.add(new NewDelivery(channelId, null, DeliveryPurpose.TEST, DeliveryStatus.PENDING, null,
                now, now));
        audit.record(AuditAction.NOTIFICATION_CHANNEL_TEST, "notification_channel", channelId, Map.of());
        return delivery;
    }
}
