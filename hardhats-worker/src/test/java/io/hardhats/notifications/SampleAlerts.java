package io.hardhats.notifications;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;

/** Alerts and summaries as the dispatcher builds them, for the tests of each channel's message. */
public final class SampleAlerts {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 13:05:09 UTC, which people in Berlin read as 14:05:09. */
    public static final Instant AT = Instant.parse("2026-12-02T13:05:09Z");

    private SampleAlerts() {
    }

    public static Alert alert(String cameraName, byte[] frameJpeg) {
        UUID event = UUID.fromString("7d0f1b6e-1c55-4f57-9a51-3f4b4f6d2a10");
        return new Alert(event, UUID.randomUUID(), cameraName, ViolationType.NO_HARDHAT, Severity.HIGH, 0.873, AT,
                BERLIN, URI.create("https://hardhats.example/#/event/" + event), frameJpeg, false);
    }

    public static Alert sample(String cameraName) {
        Alert alert = alert(cameraName, null);
        return new Alert(alert.eventId(), alert.cameraId(), cameraName, alert.type(), alert.severity(),
                alert.confidence(), alert.occurredAt(), alert.zone(), alert.eventUrl(), null, true);
    }

    /** A storm's summary over {@code cameras} cameras, the first with the most alerts. */
    public static AlertSummary summary(int cameras) {
        Map<String, Integer> byCamera = new LinkedHashMap<>();
        for (int i = 1; i <= cameras; i++) {
            byCamera.put("Camera " + i, i == 1 ? 40 : 1);
        }
        int total = byCamera.values().stream().mapToInt(Integer::intValue).sum();
        return new AlertSummary(UUID.randomUUID(), AT, AT.plusSeconds(120), BERLIN, total,
                Map.of(ViolationType.NO_VEST, 3, ViolationType.NO_HARDHAT, total - 3), byCamera,
                URI.create("https://hardhats.example/#/events"));
    }
}
