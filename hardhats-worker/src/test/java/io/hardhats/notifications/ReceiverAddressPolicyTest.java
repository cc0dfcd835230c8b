package io.hardhats.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.hardhats.cameras.CameraHostGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Outside all-in-one mode a receiver on loopback, link-local or metadata addresses is refused
 * when the delivery connects, whatever the address is spelt like, and nothing reaches it; the
 * attempt says why without the URL.
 */
class ReceiverAddressPolicyTest {

    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void loopbackIsRefusedInSplitModeAndReachedInAllInOne() throws Exception {
        String url = receiver.url("secret-path");
        String port = url.substring("http://127.0.0.1:".length(), url.indexOf("/hooks"));
        try (GuardedHttpPoster split = poster(false); GuardedHttpPoster allInOne = poster(true)) {
            for (String spelling : new String[] {url, "http://0x7f000001:" + port + "/hooks/secret-path",
                    "http://localhost:" + port + "/hooks/secret-path", "http://[::ffff:127.0.0.1]:" + port + "/x"}) {
                DeliveryAttempt refused = split.post(new ChannelAddress(ChannelKind.WEBHOOK, spelling, "s"), "key", BODY);
                assertThat(refused.result()).as(spelling).isEqualTo(DeliveryAttempt.Result.FAILED);
                assertThat(refused.error()).contains("loopback").doesNotContain("secret-path").doesNotContain(port);
            }
            assertThat(receiver.received()).isEmpty();

            DeliveryAttempt delivered = allInOne.post(new ChannelAddress(ChannelKind.WEBHOOK, url, "s"), "key", BODY);
            assertThat(delivered.result()).isEqualTo(DeliveryAttempt.Result.DELIVERED);
            assertThat(delivered.httpStatus()).isEqualTo(200);
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void aClientErrorFailsAtOnceAndAServerErrorIsRetried() throws Exception {
        receiver.answer(404, 503, 429);
        try (GuardedHttpPoster poster = poster(true)) {
            ChannelAddress to = new ChannelAddress(ChannelKind.WEBHOOK, receiver.url("p"), null);
            assertThat(poster.post(to, "k", BODY).result()).isEqualTo(DeliveryAttempt.Result.FAILED);
            assertThat(poster.post(to, "k", BODY).result()).isEqualTo(DeliveryAttempt.Result.RETRY);
            assertThat(poster.post(to, "k", BODY).result()).isEqualTo(DeliveryAttempt.Result.RETRY);
        }
        assertThat(receiver.received()).allSatisfy(request ->
                assertThat(request.header("X-Hardhats-Signature")).as("no secret, no signature").isNull());
    }

    private static GuardedHttpPoster poster(boolean allowPrivate) {
        return new GuardedHttpPoster(new CameraHostGuard(allowPrivate),
                new NotificationSettings(null, 0, null, null), Clock.systemUTC());
    }
}
