package io.hardhats.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void convertsTheRailwayForm() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://hh:s%40cret@db.railway.internal:5432/railway");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.railway.internal:5432/railway");
        assertThat(url.username()).isEqualTo("hh");
        assertThat(url.password()).isEqualTo("s@cret");
    }

    @Test
    void convertsTheHerokuFormAndKeepsTheQuery() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:p@example.com/app?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://example.com/app?sslmode=require");
        assertThat(url.username()).isEqualTo("u");
    }

    @Test
    void passesTheJdbcFormThrough() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:5432/hh?user=a&password=b");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/hh?user=a&password=b");
        assertThat(url.username()).isNull();
        assertThat(url.toString()).doesNotContain("password=b");
    }

    @Test
    void neverShowsThePassword() {
        assertThat(DatabaseUrl.parse("postgresql://hh:topsecret@h/db").toString()).doesNotContain("topsecret");
    }

    @Test
    void rejectsOtherSchemesAndMissingHosts() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:p@h/db")).hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql:///db")).hasMessageContaining("no host");
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).hasMessageContaining("empty");
    }
}
