package io.hardhats.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.hardhats.TestDatabase;
import io.hardhats.events.ViolationType;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The database's own guard, proven without the application: a raw connection working as the
 * role {@code hardhats_app}, as every pooled connection does, sees and writes only the rows of the
 * organisation named by {@code app.current_org}, and nothing at all when none is named.
 */
class RowLevelSecurityTest extends ApiTest {

    private static final String APP_ROLE = "hardhats_app";

    /** Every table that holds tenant rows, with the column naming the organisation. */
    private static final Map<String, String> TENANT_TABLES = Map.ofEntries(
            Map.entry("organizations", "id"),
            Map.entry("users", "organization_id"),
            Map.entry("cameras", "organization_id"),
            Map.entry("events", "organization_id"),
            Map.entry("daily_stats", "organization_id"),
            Map.entry("daily_violation_counts", "organization_id"),
            Map.entry("audit_logs", "organization_id"),
            Map.entry("blobs", "organization_id"),
            Map.entry("blob_chunks", "organization_id"),
            Map.entry("password_reset_tokens", "organization_id"),
            Map.entry("camera_leases", "organization_id"),
            Map.entry("digest_deliveries", "organization_id"),
            Map.entry("notification_channels", "organization_id"),
            Map.entry("notification_deliveries", "organization_id"),
            Map.entry("notification_attempts", "organization_id"),
            // Its rows come from the trigger on blobs: each organisation's first blob below makes one.
            Map.entry("storage_usage", "organization_id"));

    /** What one organisation holds, row ids the raw SQL below refers to. */
    private record Tenant(UUID organizationId, UUID userId, UUID cameraId, UUID spareCameraId, UUID blobId,
            UUID workerId, UUID channelId, UUID deliveryId) {
    }

    private record Fixture(Tenant a, Tenant b) {
    }

    private static Fixture fixture;

    @Autowired
    private TenantData data;

    @Autowired
    private DataSource applicationPool;

    private synchronized Fixture fixture() throws SQLException {
        if (fixture == null) {
            fixture = new Fixture(tenant("RLS A"), tenant("RLS B"));
        }
        return fixture;
    }

    /** An organisation with a row in every tenant table: through the API, then as workers would write. */
    private Tenant tenant(String name) throws SQLException {
        Member admin = register(name);
        UUID org = admin.organizationId();
        UUID camera = createCamera(admin, name + " cam");
        UUID spare = createCamera(admin, name + " spare");
        data.event(org, camera, ViolationType.NO_VEST, Instant.now());
        data.dailyStat(org, camera, LocalDate.now(ZoneOffset.UTC), 1, 1, 1, 10);
        HttpResult audit = admin.client().get("/api/v1/audit-logs");
        assertThat(audit.json().path("items").isEmpty()).as("audit rows of " + name).isFalse();

        UUID blob = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        UUID channel = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();
        try (Connection owner = ownerConnection()) {
            update(owner, "INSERT INTO blobs (id, organization_id, content_type, size_bytes) VALUES (?, ?, 'image/jpeg', 3)",
                    blob, org);
            update(owner, "INSERT INTO blob_chunks (blob_id, organization_id, seq, data) VALUES (?, ?, 0, '\\x010203'::bytea)",
                    blob, org);
            update(owner, "INSERT INTO password_reset_tokens (id, organization_id, user_id, token_hash, expires_at) "
                    + "VALUES (?, ?, ?, ?, now() + interval '1 hour')", UUID.randomUUID(), org, admin.userId(),
                    "hash-" + UUID.randomUUID());
            update(owner, "INSERT INTO workers (id, hostname, capacity) VALUES (?, 'worker-" + name.replace(' ', '-')
                    + "', 4)", worker);
            update(owner, "INSERT INTO camera_leases (camera_id, organization_id, worker_id, expires_at) "
                    + "VALUES (?, ?, ?, now() + interval '30 seconds')", camera, org, worker);
            update(owner, "INSERT INTO digest_deliveries (id, organization_id, day, recipient, next_attempt_at, created_at) "
                    + "VALUES (?, ?, current_date - 1, 'digest@example.test', now(), now())", UUID.randomUUID(), org);
            update(owner, "INSERT INTO notification_channels (id, organization_id, name, kind, target_encrypted, "
                    + "target_masked) VALUES (?, ?, 'Site office', 'webhook', 'x', 'https://example.test/…abcd')",
                    channel, org);
            update(owner, "INSERT INTO notification_deliveries (id, organization_id, channel_id, purpose, status, "
                    + "next_attempt_at, created_at) VALUES (?, ?, ?, 'test', 'delivered', now(), now())",
                    delivery, org, channel);
            update(owner, "INSERT INTO notification_attempts (id, organization_id, delivery_id, at, result, "
                    + "http_status) VALUES (?, ?, ?, now(), 'delivered', 200)", UUID.randomUUID(), org, delivery);
        }
        return new Tenant(org, admin.userId(), camera, spare, blob, worker, channel, delivery);
    }

    // ---------------------------------------------------------------------------------------------
    // The role

    @Test
    void applicationRoleIsNeitherSuperuserNorBypassesRowSecurityNorOwnsATable() throws SQLException {
        try (Connection owner = ownerConnection()) {
            try (ResultSet role = owner.createStatement().executeQuery(
                    "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
                assertThat(role.next()).as("role " + APP_ROLE + " exists").isTrue();
                assertThat(role.getBoolean("rolsuper")).as("rolsuper").isFalse();
                assertThat(role.getBoolean("rolbypassrls")).as("rolbypassrls").isFalse();
            }
            // A table's owner is exempt from its policies (unless FORCE ROW LEVEL SECURITY).
            assertThat(count(owner, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = '"
                    + APP_ROLE + "'")).isZero();
        }
    }

    @Test
    void applicationPoolWorksAsTheApplicationRole() throws SQLException {
        fixture();
        try (Connection pooled = applicationPool.getConnection()) {
            try (ResultSet who = pooled.createStatement().executeQuery("SELECT current_user")) {
                who.next();
                assertThat(who.getString(1)).isEqualTo(APP_ROLE);
            }
            // Outside any tenant transaction, a pooled connection sees no tenant row.
            assertThat(count(pooled, "SELECT count(*) FROM cameras")).isZero();
        }
    }

    @Test
    void everyTableWithAnOrganisationColumnIsUnderRowSecurity() throws SQLException {
        try (Connection owner = ownerConnection()) {
            TreeSet<String> withColumn = new TreeSet<>();
            try (ResultSet tables = owner.createStatement().executeQuery("SELECT table_name FROM "
                    + "information_schema.columns WHERE table_schema = 'public' AND column_name = 'organization_id'")) {
                while (tables.next()) {
                    withColumn.add(tables.getString(1));
                }
            }
            withColumn.add("organizations");
            assertThat(withColumn).as("tenant tables (a new one needs a policy and a row in this test)")
                    .isEqualTo(new TreeSet<>(TENANT_TABLES.keySet()));
            for (String table : withColumn) {
                try (PreparedStatement rls = owner.prepareStatement("SELECT c.relrowsecurity, "
                        + "(SELECT count(*) FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname) "
                        + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = 'public' AND c.relname = ?")) {
                    rls.setString(1, table);
                    try (ResultSet row = rls.executeQuery()) {
                        assertThat(row.next()).as(table).isTrue();
                        assertThat(row.getBoolean(1)).as(table + " row level security enabled").isTrue();
                        assertThat(row.getLong(2)).as(table + " policies").isPositive();
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Reading

    @TestFactory
    Stream<DynamicTest> scopedToOneOrganisationNoRowOfTheOtherIsVisible() throws SQLException {
        Fixture f = fixture();
        return TENANT_TABLES.keySet().stream().sorted().map(table -> DynamicTest.dynamicTest(table, () -> {
            String column = TENANT_TABLES.get(table);
            String ofA = "SELECT count(*) FROM " + table + " WHERE " + column + " = '" + f.a().organizationId() + "'";
            String ofB = "SELECT count(*) FROM " + table + " WHERE " + column + " = '" + f.b().organizationId() + "'";
            String all = "SELECT count(*) FROM " + table;
            try (Connection app = appConnection()) {
                inScope(app, f.a().organizationId(), () -> {
                    assertThat(count(app, ofB)).as(table + ": B's rows, scoped to A").isZero();
                    assertThat(count(app, ofA)).as(table + ": A's rows, scoped to A").isPositive();
                    assertThat(count(app, all)).as(table + ": every visible row is A's").isEqualTo(count(app, ofA));
                });
                inScope(app, f.b().organizationId(), () -> {
                    assertThat(count(app, ofB)).as(table + ": B's rows, scoped to B").isPositive();
                    assertThat(count(app, ofA)).as(table + ": A's rows, scoped to B").isZero();
                });
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> withNoOrganisationInScopeNothingIsVisible() throws SQLException {
        Fixture f = fixture();
        return TENANT_TABLES.keySet().stream().sorted().map(table -> DynamicTest.dynamicTest(table, () -> {
            String all = "SELECT count(*) FROM " + table;
            try (Connection app = appConnection()) {
                // Never set on this connection.
                assertThat(count(app, all)).as(table + ", never scoped").isZero();
                // Set for one transaction, which committed: the setting must not outlive it.
                app.setAutoCommit(false);
                setOrganization(app, f.b().organizationId());
                assertThat(count(app, all)).as(table + ", scoped to B").isPositive();
                app.commit();
                app.setAutoCommit(true);
                assertThat(count(app, all)).as(table + ", after B's transaction").isZero();
                // An empty setting (what a reverted transaction-local setting reads as) sees nothing either.
                try (Statement statement = app.createStatement()) {
                    statement.execute("SET app.current_org = ''");
                }
                assertThat(count(app, all)).as(table + ", with an empty setting").isZero();
            }
        }));
    }

    // ---------------------------------------------------------------------------------------------
    // Writing

    /** A row of B's for each tenant table, written while scoped to A: every one must be refused. */
    private static Map<String, String> insertsForB(Tenant b) {
        UUID org = b.organizationId();
        return Map.ofEntries(
                Map.entry("organizations", "INSERT INTO organizations (id, name, slug, max_cameras, max_users) "
                        + "VALUES ('" + UUID.randomUUID() + "', 'Sneaky', 'sneaky-" + UUID.randomUUID() + "', 5, 5)"),
                Map.entry("users", "INSERT INTO users (id, organization_id, email, password_hash, full_name, role) "
                        + "VALUES ('" + UUID.randomUUID() + "', '" + org + "', 'sneaky-" + UUID.randomUUID()
                        + "@example.test', 'x', 'Sneaky', 'admin')"),
                Map.entry("cameras", "INSERT INTO cameras (id, organization_id, name, source_type) VALUES ('"
                        + UUID.randomUUID() + "', '" + org + "', 'Sneaky', 'file')"),
                Map.entry("events", "INSERT INTO events (id, organization_id, camera_id, violation_type, severity, "
                        + "confidence, bbox_x, bbox_y, bbox_w, bbox_h) VALUES ('" + UUID.randomUUID() + "', '" + org
                        + "', '" + b.cameraId() + "', 'no_vest', 'low', 0.5, 0, 0, 0.1, 0.1)"),
                Map.entry("daily_stats", "INSERT INTO daily_stats (id, organization_id, camera_id, date) VALUES ('"
                        + UUID.randomUUID() + "', '" + org + "', '" + b.spareCameraId() + "', DATE '2001-01-01')"),
                Map.entry("daily_violation_counts", "INSERT INTO daily_violation_counts (id, organization_id, "
                        + "camera_id, date, violation_type, count) VALUES ('" + UUID.randomUUID() + "', '" + org
                        + "', '" + b.spareCameraId() + "', DATE '2001-01-01', 'no_vest', 1)"),
                Map.entry("audit_logs", "INSERT INTO audit_logs (id, organization_id, action) VALUES ('"
                        + UUID.randomUUID() + "', '" + org + "', 'sneaky')"),
                Map.entry("blobs", "INSERT INTO blobs (id, organization_id, content_type, size_bytes) VALUES ('"
                        + UUID.randomUUID() + "', '" + org + "', 'image/jpeg', 1)"),
                Map.entry("blob_chunks", "INSERT INTO blob_chunks (blob_id, organization_id, seq, data) VALUES ('"
                        + b.blobId() + "', '" + org + "', 1, '\\x00'::bytea)"),
                Map.entry("password_reset_tokens", "INSERT INTO password_reset_tokens (id, organization_id, user_id, "
                        + "token_hash, expires_at) VALUES ('" + UUID.randomUUID() + "', '" + org + "', '" + b.userId()
                        + "', 'sneaky-" + UUID.randomUUID() + "', now() + interval '1 hour')"),
                Map.entry("camera_leases", "INSERT INTO camera_leases (camera_id, organization_id, worker_id, "
                        + "expires_at) VALUES ('" + b.spareCameraId() + "', '" + org + "', '" + b.workerId()
                        + "', now() + interval '30 seconds')"),
                Map.entry("digest_deliveries", "INSERT INTO digest_deliveries (id, organization_id, day, recipient, "
                        + "next_attempt_at, created_at) VALUES ('" + UUID.randomUUID() + "', '" + org
                        + "', DATE '2001-01-01', 'sneaky@example.test', now(), now())"),
                Map.entry("notification_channels", "INSERT INTO notification_channels (id, organization_id, name, "
                        + "kind, target_encrypted, target_masked) VALUES ('" + UUID.randomUUID() + "', '" + org
                        + "', 'Sneaky', 'webhook', 'x', 'x')"),
                Map.entry("notification_deliveries", "INSERT INTO notification_deliveries (id, organization_id, "
                        + "channel_id, purpose, status, next_attempt_at, created_at) VALUES ('" + UUID.randomUUID()
                        + "', '" + org + "', '" + b.channelId() + "', 'test', 'pending', now(), now())"),
                Map.entry("notification_attempts", "INSERT INTO notification_attempts (id, organization_id, "
                        + "delivery_id, at, result) VALUES ('" + UUID.randomUUID() + "', '" + org + "', '"
                        + b.deliveryId() + "', now(), 'retry')"),
                Map.entry("storage_usage", "INSERT INTO storage_usage (organization_id, bytes) VALUES ('" + org
                        + "', 0)"));
    }

    @TestFactory
    Stream<DynamicTest> insertingAnotherOrganisationsRowIsRefused() throws SQLException {
        Fixture f = fixture();
        Map<String, String> inserts = insertsForB(f.b());
        assertThat(inserts.keySet()).isEqualTo(TENANT_TABLES.keySet());
        return inserts.keySet().stream().sorted().map(table -> DynamicTest.dynamicTest(table, () -> {
            String column = TENANT_TABLES.get(table);
            String ofB = "SELECT count(*) FROM " + table + " WHERE " + column + " = '" + f.b().organizationId() + "'";
            long before;
            try (Connection owner = ownerConnection()) {
                before = count(owner, ofB);
            }
            try (Connection app = appConnection()) {
                inScope(app, f.a().organizationId(), () -> assertThatThrownBy(() -> update(app, inserts.get(table)))
                        .as(table).isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501");
                            assertThat(e.getMessage()).contains("row-level security");
                        }));
                // Without any organisation in scope, an insert is refused just the same.
                assertThatThrownBy(() -> update(app, inserts.get(table))).as(table + ", unscoped")
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501"));
            }
            try (Connection owner = ownerConnection()) {
                assertThat(count(owner, ofB)).as(table + ": B's rows").isEqualTo(before);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> updatesAndDeletesReachNoRowOfAnotherOrganisation() throws SQLException {
        Fixture f = fixture();
        return TENANT_TABLES.keySet().stream().sorted().map(table -> DynamicTest.dynamicTest(table, () -> {
            String column = TENANT_TABLES.get(table);
            String whereB = " WHERE " + column + " = '" + f.b().organizationId() + "'";
            long before;
            try (Connection owner = ownerConnection()) {
                before = count(owner, "SELECT count(*) FROM " + table + whereB);
            }
            try (Connection app = appConnection()) {
                inScope(app, f.a().organizationId(), () -> {
                    assertThat(update(app, "DELETE FROM " + table + whereB)).as("DELETE " + table).isZero();
                    assertThat(update(app, "UPDATE " + table + " SET " + column + " = " + column + whereB))
                            .as("UPDATE " + table).isZero();
                    app.commit();
                });
            }
            try (Connection owner = ownerConnection()) {
                assertThat(count(owner, "SELECT count(*) FROM " + table + whereB)).as(table).isEqualTo(before);
            }
        }));
    }

    @Test
    void movingOwnRowToAnotherOrganisationIsRefused() throws Exception {
        Fixture f = fixture();
        List<String> moves = new ArrayList<>(List.of(
                "UPDATE cameras SET organization_id = '" + f.b().organizationId() + "' WHERE id = '" + f.a().cameraId() + "'",
                "UPDATE users SET organization_id = '" + f.b().organizationId() + "' WHERE id = '" + f.a().userId() + "'",
                "UPDATE blobs SET organization_id = '" + f.b().organizationId() + "' WHERE id = '" + f.a().blobId() + "'",
                "UPDATE organizations SET id = '" + f.b().organizationId() + "' WHERE id = '" + f.a().organizationId()
                        + "'"));
        try (Connection app = appConnection()) {
            for (String move : moves) {
                inScope(app, f.a().organizationId(), () -> assertThatThrownBy(() -> update(app, move)).as(move)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501")));
            }
        }
        try (Connection owner = ownerConnection()) {
            assertThat(count(owner, "SELECT count(*) FROM cameras WHERE id = '" + f.a().cameraId()
                    + "' AND organization_id = '" + f.a().organizationId() + "'")).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Plumbing

    @FunctionalInterface
    private interface SqlWork {
        void run() throws Exception;
    }

    /** The table owner (the test server's superuser), which is exempt from the policies. */
    private static Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(TestDatabase.url());
    }

    /** A connection as the application's pool opens them: logged in as the owner, working as hardhats_app. */
    private static Connection appConnection() throws SQLException {
        Connection connection = DriverManager.getConnection(TestDatabase.url());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE " + APP_ROLE);
        }
        return connection;
    }

    /** Runs the work in one transaction scoped to the organisation, then rolls back whatever it left. */
    private static void inScope(Connection connection, UUID organizationId, SqlWork work) throws Exception {
        connection.setAutoCommit(false);
        try {
            setOrganization(connection, organizationId);
            work.run();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static void setOrganization(Connection connection, UUID organizationId) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT set_config('app.current_org', ?, true)")) {
            statement.setString(1, organizationId.toString());
            statement.execute();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
