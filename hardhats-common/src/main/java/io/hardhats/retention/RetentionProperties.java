package io.hardhats.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long events, with their pictures and clips, and notification messages are kept.
 *
 * @param defaultDays for organisations that never chose a period
 * @param maxDays the plan's longest period an organisation may choose
 * @param batchSize records removed per transaction, so no lock is held for long
 * @param cron when the daily removal runs (UTC)
 */
@ConfigurationProperties(prefix = "hardhats.retention")
public record RetentionProperties(int defaultDays, int maxDays, int batchSize, String cron) {

    public RetentionProperties {
        maxDays = maxDays <= 0 ? 365 : maxDays;
        defaultDays = defaultDays <= 0 ? Math.min(90, maxDays) : defaultDays;
        batchSize = batchSize <= 0 ? 500 : batchSize;
        cron = cron == null || cron.isBlank() ? "0 30 3 * * *" : cron;
        if (defaultDays > maxDays) {
            throw new IllegalArgumentException("RETENTION_DEFAULT_DAYS (" + defaultDays
                    + ") is over RETENTION_MAX_DAYS (" + maxDays + ")");
        }
    }

    /** The period in force: the organisation's choice, never over the plan's maximum, else the default. */
    public int daysFor(Integer chosen) {
        return chosen == null ? defaultDays : Math.min(chosen, maxDays);
    }
}
