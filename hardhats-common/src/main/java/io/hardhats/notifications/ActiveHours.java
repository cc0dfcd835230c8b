package io.hardhats.notifications;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * When a channel wants alerts, read in the organisation's time zone: on the ISO days listed
 * (1 = Monday), from {@code from} (inclusive) to {@code to} (exclusive), both "HH:MM". A range
 * that ends before it starts runs over midnight and belongs to the day it starts on; equal ends
 * mean the whole day.
 */
public record ActiveHours(List<Integer> days, String from, String to) {

    public static final Pattern CLOCK_TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    public boolean contains(ZonedDateTime at) {
        LocalTime start = LocalTime.parse(from);
        LocalTime end = LocalTime.parse(to);
        LocalTime time = at.toLocalTime();
        DayOfWeek day = at.getDayOfWeek();
        if (start.equals(end)) {
            return on(day);
        }
        if (start.isBefore(end)) {
            return on(day) && !time.isBefore(start) && time.isBefore(end);
        }
        return on(day) && !time.isBefore(start) || on(day.minus(1)) && time.isBefore(end);
    }

    private boolean on(DayOfWeek day) {
        return days.contains(day.getValue());
    }
}
