package io.hardhats.tenancy;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions of one organisation, for work that starts outside any request of it (registration,
 * login, the worker's writes). The organisation must be in scope before the transaction begins:
 * the transaction manager sets the row-level security variable only at begin. The twin of
 * {@link SystemTransactions}.
 */
public class TenantTransactions {

    private final TransactionTemplate transactions;

    public TenantTransactions(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <T> T call(UUID organizationId, Supplier<T> work) {
        return TenantContext.callAs(organizationId, () -> transactions.execute(status -> work.get()));
    }

    public void run(UUID organizationId, Runnable work) {
        call(organizationId, () -> {
            work.run();
            return null;
        });
    }
}
