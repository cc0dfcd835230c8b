package io.hardhats.notifications;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notification settings ({@code hardhats.notifications}, see application.yml for the variables).
 *
 * @param publicUrl where people open the dashboard; alerts link to events under it
 * @param maxChannelsPerOrg how many channels one organisation may have
 */
@ConfigurationProperties(prefix = "hardhats.notifications")
public record NotificationSettings(URI publicUrl, int maxChannelsPerOrg, Dispatch dispatch, TestSends testSends) {

    /**
     * How many "Send test" messages may be asked for in each {@code window}: per channel, and per
     * organisation over all its channels, so an admin cannot flood a receiver or the outbox.
     */
    public record TestSends(int perChannel, int perOrganization, Duration window) {

        public TestSends {
            perChannel = perChannel <= 0 ? 5 : perChannel;
            perOrganization = perOrganization <= 0 ? 20 : perOrganization;
            window = orDefault(window, Duration.ofMinutes(15));
        }
    }

    /**
     * How the dispatcher sends.
     *
     * @param enabled false keeps the beans but sends nothing (tests that drive a dispatcher themselves)
     * @param concurrency deliveries sent at once by one process
     * @param pollInterval the backstop when no wake-up arrives
     * @param connectTimeout how long one HTTP attempt may take to connect
     * @param requestTimeout how long one HTTP attempt may take in all
     * @param firstRetry the longest wait after the first failed attempt, doubled after each further one
     * @param maxRetryDelay the longest wait between two attempts
     * @param retryFor how long after its creation a delivery is retried before it is failed
     * @param claimLease how long a claimed delivery stays with its dispatcher before another may take it
     */
    public record Dispatch(Boolean enabled, int concurrency, Duration pollInterval, Duration connectTimeout,
            Duration requestTimeout, Duration firstRetry, Duration maxRetryDelay, Duration retryFor,
            Duration claimLease) {

        public Dispatch {
            enabled = enabled == null || enabled;
            concurrency = concurrency <= 0 ? 16 : concurrency;
            pollInterval = orDefault(pollInterval, Duration.ofSeconds(2));
            connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(5));
            requestTimeout = orDefault(requestTimeout, Duration.ofSeconds(10));
            firstRetry = orDefault(firstRetry, Duration.ofSeconds(10));
            maxRetryDelay = orDefault(maxRetryDelay, Duration.ofHours(1));
            retryFor = orDefault(retryFor, Duration.ofHours(24));
            claimLease = orDefault(claimLease, Duration.ofSeconds(60));
        }
    }

    public NotificationSettings {
        publicUrl = publicUrl == null || publicUrl.toString().isBlank() ? URI.create("http://localhost:8123")
                : publicUrl;
        maxChannelsPerOrg = maxChannelsPerOrg <= 0 ? 20 : maxChannelsPerOrg;
        dispatch = dispatch == null ? new Dispatch(null, 0, null, null, null, null, null, null, null) : dispatch;
        testSends = testSends == null ? new TestSends(0, 0, null) : testSends;
    }

    /** The dashboard page of one event. */
    public URI eventUrl(Object eventId) {
        return URI.create(base() + "/#/event/" + eventId);
    }

    /** The dashboard's events list. */
    public URI eventsUrl() {
        return URI.create(base() + "/#/events");
    }

    private String base() {
        String base = publicUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
