package io.hardhats.tenancy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long one SQL statement may run before PostgreSQL cancels it ({@code statement_timeout},
 * set in every transaction by {@link TenantTransactionManager}); waiting for a lock counts.
 *
 * @param request    statements of a signed-in request, which someone is waiting for: a request
 *                   that cannot finish within it answers 503 {@code query_timeout} and holds its
 *                   connection no longer
 * @param background everything else: the worker, scheduled jobs (retention, digests, the fleet),
 *                   sign-in checks; longer, since their batches are sized by the product, not by a tenant
 */
@ConfigurationProperties(prefix = "hardhats.statement-timeout")
public record StatementTimeouts(Duration request, Duration background) {

    public StatementTimeouts {
        request = positiveOr(request, Duration.ofSeconds(10));
        background = positiveOr(background, Duration.ofMinutes(2));
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }

    /** The limit of the transaction about to begin on this thread, in milliseconds as PostgreSQL takes it. */
    long currentMillis() {
        return (TenantContext.inRequest() ? request : background).toMillis();
    }
}
