package io.hardhats.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The span of time the API accepts, years 1 to 9999: Java parses instants up to the year one
 * billion, PostgreSQL stores them only up to the year 294276 and refuses the rest with an
 * error that says nothing to the client.
 */
public final class StorableTime {

    private static final Instant FIRST = LocalDate.of(1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private StorableTime() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST) && instant.isBefore(END);
    }

    /**
     * Checks a list filter's optional bounds: each storable, {@code from} before {@code to}.
     * A 422 naming the field otherwise.
     */
    public static void requireRange(Instant from, Instant to) {
        require("from", from);
        require("to", to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalid("from: must be before to");
        }
    }

    /** @return the instant (null stays null); a 422 naming the field when it is out of range */
    public static Instant require(String field, Instant instant) {
        if (instant != null && !contains(instant)) {
            throw ApiException.invalid(field + ": must be between the years 1 and 9999");
        }
        return instant;
    }
}
