package io.hardhats.notifications.digest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.hardhats.events.ViolationType;

/**
 * One organisation's violations of one day, by camera, the worst camera first.
 */
public record DigestReport(String organizationName, LocalDate day, ZoneId zone, List<CameraCounts> cameras) {

    public record CameraCounts(String camera, Map<ViolationType, Integer> byType) {

        public int total() {
            return byType.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public int total() {
        return cameras.stream().mapToInt(CameraCounts::total).sum();
    }
}
