package io.hardhats.notifications;

import java.util.UUID;

import io.hardhats.ratelimit.RateBuckets;
import org.springframework.stereotype.Component;

/** The limits on "Send test": per channel, and per organisation over all its channels. */
@Component
record TestSendLimits(RateBuckets buckets, NotificationSettings settings) {

    /** Counts one test message; throws a 429 when the channel or its organisation is over its limit. */
    void check(UUID organizationId, UUID channelId) {
        NotificationSettings.TestSends limits = settings.testSends();
        buckets.consume("channel-test:channel:" + channelId, new RateBuckets.Limit(limits.perChannel(), limits.window()));
        buckets.consume("channel-test:organization:" + organizationId,
                new RateBuckets.Limit(limits.perOrganization(), limits.window()));
    }
}
