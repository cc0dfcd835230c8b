package io.hardhats.web;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Recognises a statement PostgreSQL cancelled because it ran past the request's statement
 * timeout (or waited that long for a lock), which the API answers with 503 in the one error
 * shape: the request changed nothing and may succeed when the database is less busy.
 */
public final class StatementTimeout {

    private static final String QUERY_CANCELED = "57014";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private StatementTimeout() {
    }

    public static ApiException error() {
        return ApiException.unavailable("query_timeout", "the database did not finish this request in time and "
                + "nothing was changed; try again shortly, or ask for less (a shorter period, a smaller page)",
                RETRY_AFTER);
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
