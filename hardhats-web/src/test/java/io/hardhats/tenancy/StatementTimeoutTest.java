package io.hardhats.tenancy;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;

import io.hardhats.TestDatabase;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A signed-in request's statements are cut after the request timeout (10 s by default), here
 * while waiting for a row another transaction holds; background work keeps its own, longer limit.
 */
class StatementTimeoutTest extends ApiTest {

    @Autowired
    TenantTransactions tenantTransactions;

    @Autowired
    SystemTransactions systemTransactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementTimeouts timeouts;

    @Test
    void aRequestStuckBehindALockIsCutAndAnswers503() throws Exception {
        Member admin = register("Slow Statement Corp");
        try (Connection holder = DriverManager.getConnection(TestDatabase.url())) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM organizations WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, admin.organizationId());
                lock.executeQuery().close();
            }

            HttpResult stuck = admin.client().put("/api/v1/organization", Map.of("name", "Renamed"));
            assertThat(assertError(stuck, 503, "query_timeout")).contains("nothing was changed");
            assertThat(stuck.header("Retry-After")).isPresent();
            holder.rollback();
        }
        assertThat(admin.client().get("/api/v1/organization").text("name")).isEqualTo("Slow Statement Corp");
        assertThat(admin.client().put("/api/v1/organization", Map.of("name", "Renamed")).status()).isEqualTo(200);
    }

    @Test
    void backgroundTransactionsKeepTheirOwnLimit() {
        Member admin = register("Background Statement Corp");
        String expected = Long.toString(timeouts.background().toMillis());
        assertThat(timeouts.background()).isGreaterThan(timeouts.request());
        assertThat(tenantTransactions.call(admin.organizationId(), this::statementTimeout)).isEqualTo(expected);
        assertThat(systemTransactions.call(this::statementTimeout)).isEqualTo(expected);
    }

    private String statementTimeout() {
        return jdbc.sql("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'").query(String.class).single();
    }
}
