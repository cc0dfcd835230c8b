package io.hardhats.fleet;

import java.util.function.Supplier;

import io.hardhats.tenancy.TenantContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cross-tenant transactions for the fleet. The system scope must be entered before the
 * transaction begins: the transaction manager switches to the table owner only at begin, and
 * outside such a transaction row-level security shows no camera at all.
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
