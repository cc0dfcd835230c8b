package io.hardhats.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.DoublePredicate;
import java.util.stream.IntStream;

import io.hardhats.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cameras table's CHECK constraints accept exactly what the Java limits accept, value by
 * value around every edge, so the two homes of a limit cannot drift apart unnoticed.
 */
class CameraChecksTest {

    private static Connection db;
    private static UUID cameraId;

    @BeforeAll
    static void migratedDatabase() throws SQLException {
        String url = TestDatabase.freshDatabase();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        db = DriverManager.getConnection(url);
        db.setAutoCommit(false);
        UUID organization = UUID.randomUUID();
        cameraId = UUID.randomUUID();
        execute("INSERT INTO organizations (id, name, slug, max_cameras, max_users) VALUES (?, 'Checks', ?, 5, 5)",
                organization, "checks-" + organization);
        execute("INSERT INTO cameras (id, organization_id, name, source_type) VALUES (?, ?, 'Gate', 'file')",
                cameraId, organization);
        db.commit();
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void analysisRateLimitsAgree() throws SQLException {
        assertAgree("target_fps", fractions(-1, 3, 0.01), AnalysisRate.FPS::allows);
    }

    @Test
    void confidenceLimitsAgree() throws SQLException {
        assertAgree("confidence_threshold", fractions(-0.5, 1.5, 0.01), ConfidenceThreshold.RANGE::allows);
    }

    @Test
    void inferenceSizeLimitsAgree() throws SQLException {
        List<Double> sizes = IntStream.rangeClosed(0, 2100).mapToObj(size -> (double) size).toList();
        assertAgree("inference_width", sizes, size -> InferenceSize.isAllowed((int) size));
        assertAgree("inference_height", sizes, size -> InferenceSize.isAllowed((int) size));
    }

    @Test
    void theDefaultsOfANewRowAreAllowed() throws SQLException {
        try (PreparedStatement read = db.prepareStatement(
                "SELECT target_fps, confidence_threshold, inference_width, inference_height FROM cameras WHERE id = ?")) {
            read.setObject(1, cameraId);
            var row = read.executeQuery();
            row.next();
            assertThat(row.getDouble(1)).isEqualTo(AnalysisRate.FPS.byDefault());
            assertThat(row.getDouble(2)).isEqualTo(ConfidenceThreshold.RANGE.byDefault());
            assertThat(row.getInt(3)).isEqualTo(InferenceSize.DEFAULT);
            assertThat(row.getInt(4)).isEqualTo(InferenceSize.DEFAULT);
        }
    }

    @Test
    void rowsWrittenAroundTheApiAreMovedInsideTheLimits() throws SQLException {
        String url = TestDatabase.freshDatabase();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("3").load().migrate();
        UUID organization = UUID.randomUUID();
        UUID camera = UUID.randomUUID();
        try (Connection old = DriverManager.getConnection(url)) {
            old.createStatement().execute("INSERT INTO organizations (id, name, slug, max_cameras, max_users) VALUES ('"
                    + organization + "', 'Old', 'old-" + organization + "', 5, 5)");
            old.createStatement().execute("INSERT INTO cameras (id, organization_id, name, source_type, target_fps, "
                    + "confidence_threshold, inference_width, inference_height) VALUES ('" + camera + "', '"
                    + organization + "', 'Old', 'file', 5, 0.01, 700, 1920)");
        }

        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();

        try (Connection migrated = DriverManager.getConnection(url)) {
            var row = migrated.createStatement().executeQuery(
                    "SELECT target_fps, confidence_threshold, inference_width, inference_height FROM cameras");
            row.next();
            assertThat(row.getDouble(1)).isEqualTo(AnalysisRate.FPS.max());
            assertThat(row.getDouble(2)).isEqualTo(ConfidenceThreshold.RANGE.min());
            assertThat(row.getInt(3)).isEqualTo(InferenceSize.DEFAULT);
            assertThat(row.getInt(4)).isEqualTo(1920);
        }
    }

    /** Steps across a range, plus each limit's own neighbours and values that are no number. */
    private static List<Double> fractions(double from, double to, double step) {
        List<Double> values = new ArrayList<>();
        for (long i = 0; from + i * step <= to; i++) {
            values.add(Math.round((from + i * step) * 1000) / 1000.0);
        }
        for (double edge : new double[] {AnalysisRate.FPS.min(), AnalysisRate.FPS.max(),
                ConfidenceThreshold.RANGE.min(), ConfidenceThreshold.RANGE.max()}) {
            values.add(Math.nextDown(edge));
            values.add(Math.nextUp(edge));
        }
        values.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        return values;
    }

    private static void assertAgree(String column, List<Double> values, DoublePredicate allowedInJava)
            throws SQLException {
        List<Double> database = new ArrayList<>();
        List<Double> java = new ArrayList<>();
        for (double value : values) {
            if (databaseAccepts(column, value)) {
                database.add(value);
            }
            if (allowedInJava.test(value)) {
                java.add(value);
            }
        }
        assertThat(java).as("some values of " + column + " are allowed").isNotEmpty();
        assertThat(database).as(column + " accepted by the database").isEqualTo(java);
    }

    private static boolean databaseAccepts(String column, double value) throws SQLException {
        Savepoint before = db.setSavepoint();
        try (PreparedStatement update = db.prepareStatement("UPDATE cameras SET " + column + " = ? WHERE id = ?")) {
            if (column.startsWith("inference_")) {
                update.setInt(1, (int) value);
            } else {
                update.setDouble(1, value);
            }
            update.setObject(2, cameraId);
            assertThat(update.executeUpdate()).isEqualTo(1);
            return true;
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("23514"); // check_violation
            return false;
        } finally {
            db.rollback(before);
        }
    }

    private static void execute(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
