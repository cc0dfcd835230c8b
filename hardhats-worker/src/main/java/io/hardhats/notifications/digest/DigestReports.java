package io.hardhats.notifications.digest;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.events.ViolationType;
import io.hardhats.notifications.email.MailConfigured;
import io.hardhats.persistence.WireValue;
import io.hardhats.tenancy.SystemTransactions;
import javax.sql.DataSource;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what a digest reports. Counts come from the events of the organisation's local day, not
 * from the daily counts, which are kept per UTC day: a local day spans two of them.
 */
@Component
@Conditional(MailConfigured.class)
public class DigestReports {

    private final JdbcClient jdbc;
    private final SystemTransactions transactions;

    public DigestReports(DataSource dataSource, SystemTransactions transactions) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = transactions;
    }

    /**
     * The organisation's time zone, in which its days begin and end. Organisations have no zone of
     * their own yet: UTC until they do.
     */
    public ZoneId zone(UUID organization) {
        return ZoneOffset.UTC;
    }

    public DigestReport report(UUID organization, LocalDate day) {
        ZoneId zone = zone(organization);
        Timestamp from = Timestamp.from(day.atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        return transactions.call(() -> {
            String name = jdbc.sql("SELECT name FROM organizations WHERE id = ?").param(organization)
                    .query(String.class).single();
            Map<UUID, String> names = new LinkedHashMap<>();
            Map<UUID, Map<ViolationType, Integer>> counts = new LinkedHashMap<>();
            jdbc.sql("""
                    SELECT c.id, c.name, e.violation_type, count(*) AS n
                    FROM events e JOIN cameras c ON c.id = e.camera_id
                    WHERE e.organization_id = ? AND e.created_at >= ? AND e.created_at < ?
                    GROUP BY c.id, c.name, e.violation_type
                    """).params(organization, from, to).query((row, i) -> {
                        UUID camera = row.getObject("id", UUID.class);
                        names.put(camera, row.getString("name"));
                        counts.computeIfAbsent(camera, key -> new EnumMap<>(ViolationType.class)).put(
                                WireValue.parse(ViolationType.class, row.getString("violation_type")), row.getInt("n"));
                        return camera;
                    }).list();
            List<DigestReport.CameraCounts> cameras = counts.entrySet().stream()
                    .map(entry -> new DigestReport.CameraCounts(names.get(entry.getKey()), entry.getValue()))
                    .sorted(Comparator.comparingInt(DigestReport.CameraCounts::total).reversed()
                            .thenComparing(DigestReport.CameraCounts::camera))
                    .toList();
            return new DigestReport(name, day, zone, cameras);
        });
    }
}
