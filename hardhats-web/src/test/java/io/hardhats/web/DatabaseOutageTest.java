package io.hardhats.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageTest {

    @Test
    void aPoolThatGaveUpOrABrokenConnectionIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("no transaction",
                new SQLTransientConnectionException("hardhats - Connection is not available, request timed out")))).isTrue();
        assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("no connection",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(
                new SQLException("the database system is starting up", "57P03")))).isTrue();
    }

    @Test
    void aRefusedStatementIsNotAnOutage() {
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("something else"))).isFalse();
    }
}
