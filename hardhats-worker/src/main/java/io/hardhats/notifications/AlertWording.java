package io.hardhats.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;

/**
 * The words every channel uses for an alert (Slack, Teams, e-mail), so a violation reads the same
 * wherever it arrives. Labels match the dashboard's.
 */
public final class AlertWording {

    public static final String PRODUCT = "Hard Hats";
    public static final String OPEN_EVENT = "Open in " + PRODUCT;
    public static final String OPEN_EVENTS = "Open the events in " + PRODUCT;
    /** The stored frame is behind the dashboard's sign-in: chat services cannot fetch it. */
    public static final String FRAME_IN_DASHBOARD = "The annotated frame is in the dashboard (sign-in needed).";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm:ss zzz", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private AlertWording() {
    }

    public static String type(ViolationType type) {
        return switch (type) {
            case NO_HARDHAT -> "No hard hat";
            case NO_VEST -> "No hi-vis vest";
            case ZONE_BREACH -> "Zone breach";
        };
    }

    public static String severity(Severity severity) {
        String wire = severity.wire();
        return Character.toUpperCase(wire.charAt(0)) + wire.substring(1);
    }

    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    public static String confidence(double confidence) {
        return Math.round(confidence * 100) + " %";
    }

    /** "No hard hat at North gate", marked when it is a channel's test message. */
    public static String headline(Alert alert) {
        String headline = type(alert.type()) + " at " + alert.cameraName();
        return alert.sample() ? "Test: " + headline : headline;
    }

    /** A test message says so, so nobody runs to the gate. */
    public static String sampleNote() {
        return "This is a test message from " + PRODUCT + ": no violation stands behind it.";
    }

    public static String summaryHeadline(AlertSummary summary) {
        return summary.total() + (summary.total() == 1 ? " more violation" : " more violations") + " from "
                + CLOCK.format(summary.from().atZone(summary.zone())) + " to "
                + CLOCK.format(summary.to().atZone(summary.zone()));
    }

    public static String summaryNote(AlertSummary summary) {
        return "Alerts came faster than one a person can read, so these are counted here instead of sent one by one ("
                + time(summary.from(), summary.zone()) + " to " + time(summary.to(), summary.zone()) + ").";
    }

    /** Counts by violation type, most first, with the dashboard's labels. */
    public static Map<String, Integer> byType(AlertSummary summary) {
        return mostFirst(summary.byType().entrySet().stream()
                .collect(Collectors.toMap(entry -> type(entry.getKey()), Map.Entry::getValue)));
    }

    /** Counts by camera name, most first. */
    public static Map<String, Integer> byCamera(AlertSummary summary) {
        return mostFirst(summary.byCamera());
    }

    private static Map<String, Integer> mostFirst(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum, LinkedHashMap::new));
    }

    /** Cuts text to at most {@code max} characters, marking the cut, for services that refuse longer. */
    public static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
