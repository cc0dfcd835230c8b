package io.hardhats.tenancy;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;

import javax.sql.DataSource;

import io.hardhats.config.DatabaseUrl;
import io.hardhats.config.HardhatsProperties;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two ways into the same database: the pool every request and worker uses, whose connections
 * work as {@code hardhats_app} (subject to row-level security), and a plain data source for
 * Flyway, which must create tables and policies as their owner.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    static final String APP_ROLE = "hardhats_app";

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(HardhatsProperties properties) {
        DatabaseUrl url = DatabaseUrl.parse(properties.databaseUrl());
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url.jdbcUrl());
        dataSource.setUsername(url.username());
        dataSource.setPassword(url.password());
        dataSource.setPoolName("hardhats");
        dataSource.setMaximumPoolSize(20);
        dataSource.setConnectionInitSql("SET ROLE " + APP_ROLE);
        return dataSource;
    }

    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource flywayDataSource(HardhatsProperties properties) {
        DatabaseUrl url = DatabaseUrl.parse(properties.databaseUrl());
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url.jdbcUrl(), url.username(), url.password());
    }

    @Bean
    PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory,
            StatementTimeouts timeouts) {
        return new TenantTransactionManager(entityManagerFactory, timeouts);
    }

    @Bean
    TenantTransactions tenantTransactions(PlatformTransactionManager transactionManager) {
        return new TenantTransactions(transactionManager);
    }

    @Bean
    SystemTransactions systemTransactions(PlatformTransactionManager transactionManager) {
        return new SystemTransactions(transactionManager);
    }

    @Bean
    HibernatePropertiesCustomizer tenantResolver() {
        return hibernate -> hibernate.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER,
                new TenantIdentifierResolver());
    }
}
