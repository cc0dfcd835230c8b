package io.hardhats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hardhats.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Moving per-type columns of {@code daily_stats} into rows keeps every count and every frame. */
class DailyViolationCountsMigrationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void perTypeColumnsBecomeRowsAndFramesStay() throws SQLException {
        String url = TestDatabase.freshDatabase();
        migrate(url, "5");
        UUID organization = UUID.randomUUID();
        UUID gate = UUID.randomUUID();
        UUID crane = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(url)) {
            execute(db, "INSERT INTO organizations (id, name, slug, max_cameras, max_users) VALUES (?, 'Old', ?, 5, 5)",
                    organization, "old-" + organization);
            for (UUID camera : List.of(gate, crane)) {
                execute(db, "INSERT INTO cameras (id, organization_id, name, source_type) VALUES (?, ?, 'Cam', 'file')",
                        camera, organization);
            }
            oldRow(db, organization, gate, DAY, 2, 1, 0, 100);
            oldRow(db, organization, gate, DAY.plusDays(1), 0, 0, 4, 40);
            oldRow(db, organization, crane, DAY, 0, 0, 0, 50);
        }

        migrate(url, "6");

        try (Connection db = DriverManager.getConnection(url)) {
            assertThat(rows(db, "SELECT camera_id, date, violation_type, count, organization_id "
                    + "FROM daily_violation_counts ORDER BY camera_id = ? DESC, date, violation_type", gate))
                    .containsExactly(
                            gate + " " + DAY + " no_hardhat 2 " + organization,
                            gate + " " + DAY + " no_vest 1 " + organization,
                            gate + " " + DAY.plusDays(1) + " zone_breach 4 " + organization);
            assertThat(rows(db, "SELECT camera_id, date, frames_processed FROM daily_stats "
                    + "ORDER BY camera_id = ? DESC, date", gate))
                    .containsExactly(gate + " " + DAY + " 100", gate + " " + DAY.plusDays(1) + " 40",
                            crane + " " + DAY + " 50");
            assertThat(rows(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'daily_stats' "
                    + "ORDER BY column_name"))
                    .containsExactly("camera_id", "date", "frames_processed", "id", "organization_id");
        }
    }

    private static void migrate(String url, String version) {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target(version).load()
                .migrate();
    }

    private static void oldRow(Connection db, UUID organization, UUID camera, LocalDate date, int noHardhat,
            int noVest, int zoneBreach, long frames) throws SQLException {
        execute(db, """
                INSERT INTO daily_stats (id, organization_id, camera_id, date, total_violations, no_hardhat_count,
                                         no_vest_count, zone_breach_count, frames_processed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, UUID.randomUUID(), organization, camera, date, noHardhat + noVest + zoneBreach, noHardhat,
                noVest, zoneBreach, frames);
    }

    private static List<String> rows(Connection db, String sql, Object... params) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            ResultSet result = query.executeQuery();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    private static void execute(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
