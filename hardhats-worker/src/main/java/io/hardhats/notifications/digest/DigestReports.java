package io.hardhats.notifications.digest;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.hardhats.events.ViolationType;
import io.hardhats.notifications.email.MailConfigured;
import io.hardhats.persistence.WireValue;
import io.hardhats.tenancy.SystemTransactions;
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

    public DigestReports(JdbcClient jdbc, SystemTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The organisation's time zone, in which its days begin and end. */
    public ZoneId zone(UUID organization) {
        return ZoneId.of(transactions.call(() -> jdbc.sql("SELECT time_zone FROM organizations WHERE id = ?")
                .param(organization).query(String.class).single()));
    }

    /** One camera's count of one violation type. */
    private record Count(UUID camera, String name, ViolationType type, int count) {
    }

    public DigestReport report(UUID organization, LocalDate day) {
        ZoneId zone = zone(organization);
        Timestamp from = Timestamp.from(day.atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        return transactions.call(() -> {
            String name = jdbc.sql("SELECT name FROM organizations WHERE id = ?").param(organization)
                    .query(String.class).single();
            List<Count> counts = jdbc.sql("""
                    SELECT c.id, c.name, e.violation_type, count(*) AS n
                    FROM events e JOIN cameras c ON c.id = e.camera_id
                    WHERE e.organization_id = ? AND e.created_at >= ? AND e.created_at < ?
                    GROUP BY c.id, c.name, e.violation_type
                    """).params(organization, from, to).query((row, i) -> new Count(row.getObject("id", UUID.class),
                            row.getString("name"), WireValue.parse(ViolationType.class, row.getString("violation_type")),
                            row.getInt("n"))).list();
            List<DigestReport.CameraCounts> cameras = counts.stream()
                    .collect(Collectors.groupingBy(Count::camera, LinkedHashMap::new, Collectors.toList()))
                    .values().stream()
                    .map(ofCamera -> new DigestReport.CameraCounts(ofCamera.get(0).name(), ofCamera.stream()
                            .collect(Collectors.toMap(Count::type, Count::count, Integer::sum,
                                    () -> new EnumMap<>(ViolationType.class)))))
                    .sorted(Comparator.comparingInt(DigestReport.CameraCounts::total).reversed()
                            .thenComparing(DigestReport.CameraCounts::camera))
                    .toList();
            return new DigestReport(name, day, zone, cameras);
        });
    }
}
