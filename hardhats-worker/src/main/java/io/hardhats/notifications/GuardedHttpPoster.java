package io.hardhats.notifications;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.hardhats.cameras.CameraHostGuard;
import io.hardhats.cameras.CameraHostGuard.ForbiddenHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * The one HTTP transport of Slack, Teams and webhook deliveries. The receiver's host passes the
 * camera host policy at every delivery, inside the client's name resolution, so the connection
 * goes to an address that was checked (no DNS rebinding); redirects are not followed, since one
 * could lead anywhere. Each attempt ends within the request timeout, however slowly the receiver
 * answers. URLs never leave this class: errors are described in words.
 */
@Component
class GuardedHttpPoster implements AutoCloseable {

    private static final int REPLY_CHARS = 200;

    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final NotificationSettings.Dispatch settings;
    private final Clock clock;

    GuardedHttpPoster(CameraHostGuard guard, NotificationSettings notificationSettings, Clock clock) {
        NotificationSettings.Dispatch settings = notificationSettings.dispatch();
        this.settings = settings;
        this.clock = clock;
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.requestTimeout()))
                                .build())
                        .setMaxConnTotal(settings.concurrency() * 2)
                        .setMaxConnPerRoute(settings.concurrency())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.requestTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.requestTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    /** Names resolved and vetted by the host guard; literals read as FFmpeg and the guard read them. */
    private record GuardedResolver(CameraHostGuard guard) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return guard.vettedAddresses(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    DeliveryAttempt post(ChannelAddress to, String idempotencyKey, byte[] body) {
        HttpPost request;
        try {
            request = new HttpPost(URI.create(to.target()));
        } catch (IllegalArgumentException e) {
            return failed("the stored address is not a valid URL");
        }
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        request.setHeader("User-Agent", "Hard Hats notifications");
        request.setHeader(WebhookHeaders.DELIVERY, idempotencyKey);
        request.setHeader(WebhookHeaders.IDEMPOTENCY_KEY, idempotencyKey);
        if (to.signingSecret() != null) {
            request.setHeader(WebhookHeaders.SIGNATURE, signature(to.signingSecret(), body));
        }
        ScheduledFuture<?> deadline = deadlines.schedule(request::cancel, settings.requestTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return client.execute(request, response -> {
                int status = response.getCode();
                String reply = response.getEntity() == null ? null : firstChars(response.getEntity().getContent()
                        .readNBytes(REPLY_CHARS * 4));
                return outcome(status, reply);
            });
        } catch (ForbiddenHostException e) {
            return failed("the receiver's address is a loopback, link-local or cloud-metadata address, "
                    + "which this service may not call");
        } catch (UnknownHostException e) {
            return retry("the receiver's host name does not resolve");
        } catch (ConnectException e) {
            return retry("the receiver refused the connection or did not accept it within "
                    + settings.connectTimeout().toSeconds() + " s");
        } catch (InterruptedIOException e) {
            return retry("the receiver did not answer within " + settings.requestTimeout().toSeconds() + " s");
        } catch (IOException e) {
            return request.isCancelled()
                    ? retry("the receiver did not answer within " + settings.requestTimeout().toSeconds() + " s")
                    : retry("the connection to the receiver failed (" + e.getClass().getSimpleName() + ")");
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, as Stripe signs: the receiver
     * recomputes it with the channel's secret and refuses a stale {@code t} (a replay).
     */
    String signature(String secret, byte[] body) {
        long t = clock.instant().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static DeliveryAttempt outcome(int status, String reply) {
        if (status >= 200 && status < 300) {
            return new DeliveryAttempt(DeliveryAttempt.Result.DELIVERED, status, reply, null);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new DeliveryAttempt(DeliveryAttempt.Result.RETRY, status, reply,
                    "the receiver answered HTTP " + status + "; trying again later");
        }
        String error = status >= 300 && status < 400
                ? "the receiver answered with a redirect (HTTP " + status + "), which is not followed"
                : "the receiver refused the message (HTTP " + status + ")";
        return new DeliveryAttempt(DeliveryAttempt.Result.FAILED, status, reply, error);
    }

    private static String firstChars(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() <= REPLY_CHARS ? text : text.substring(0, REPLY_CHARS);
    }

    private static DeliveryAttempt retry(String error) {
        return new DeliveryAttempt(DeliveryAttempt.Result.RETRY, null, null, error);
    }

    private static DeliveryAttempt failed(String error) {
        return new DeliveryAttempt(DeliveryAttempt.Result.FAILED, null, null, error);
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
