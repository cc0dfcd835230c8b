package io.hardhats.tenancy;

import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cross-tenant transactions (worker leases, a worker's camera configuration, the registration's
 * e-mail check). The system scope must be entered before the transaction begins: the transaction
 * manager switches to the table owner only at begin, and outside such a transaction row-level
 * security shows no row at all. The twin of {@link TenantTransactions}.
 */
public class SystemTransactions {

    private final TransactionTemplate transactions;

    public SystemTransactions(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <T> T call(Supplier<T> work) {
        return TenantContext.callAsSystem(() -> transactions.execute(status -> work.get()));
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
