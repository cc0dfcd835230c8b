package io.hardhats.tenancy;

import jakarta.persistence.EntityManagerFactory;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Opens every transaction in the tenant scope of {@link TenantContext} at the database level
 * too: {@code app.current_org} for row-level security, or the table owner's role for system
 * work, and the scope's {@link StatementTimeouts statement timeout}. All settings are
 * transaction-local, so a pooled connection never carries them over.
 */
public class TenantTransactionManager extends JpaTransactionManager {

    private final StatementTimeouts timeouts;

    public TenantTransactionManager(EntityManagerFactory emf, StatementTimeouts timeouts) {
        super(emf);
        this.timeouts = timeouts;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        EntityManagerHolder holder =
                (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        Session session = holder.getEntityManager().unwrap(Session.class);
        boolean system = TenantContext.isSystem();
        Optional<UUID> organization = TenantContext.currentOrganization();
        long timeoutMillis = timeouts.currentMillis();
        session.doWork(connection -> {
            if (system) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL ROLE NONE; SET LOCAL statement_timeout = " + timeoutMillis);
                }
            } else {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT set_config('app.current_org', ?, true), set_config('statement_timeout', ?, true)")) {
                    statement.setString(1, organization.map(UUID::toString).orElse(""));
                    statement.setString(2, Long.toString(timeoutMillis));
                    statement.execute();
                }
            }
        });
    }
}
