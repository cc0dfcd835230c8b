package io.hardhats.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Recognises a failure that means "the database cannot be reached right now" (the pool gave up
 * waiting for a connection, a connection broke, the server is starting or recovering), which
 * the API answers with 503 in the one error shape instead of a 500.
 */
public final class DatabaseOutage {

    /** How long a client should wait: about how long the embedded database takes to come back. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final String CLOSED_CONNECTION = "Connection is closed";

    private DatabaseOutage() {
    }

    public static ApiException error() {
        return ApiException.unavailable("database_unavailable",
                "the database cannot be reached right now; try again in a few seconds", RETRY_AFTER);
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            // The pool's proxy for a connection it has already closed (the server went away under
            // it) says so without an SQL state.
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && CLOSED_CONNECTION.equals(sql.getMessage())) {
                return true;
            }
            // SQL state class 08 is a connection failure; 57P01-57P03 a server shutting down, crashed or starting.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
