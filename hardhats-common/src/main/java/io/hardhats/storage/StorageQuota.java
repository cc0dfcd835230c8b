package io.hardhats.storage;

import java.util.UUID;

import io.hardhats.tenancy.TenantTransactions;
import org.springframework.stereotype.Component;

/**
 * The plan's storage limit, asked before a clip is stored. A full organisation still records its
 * events (with their thumbnail and frame), only without clips; its admins see a notice.
 */
@Component
public class StorageQuota {

    private final StorageMeter meter;
    private final TenantTransactions transactions;

    public StorageQuota(StorageMeter meter, TenantTransactions transactions) {
        this.meter = meter;
        this.transactions = transactions;
    }

    public boolean allowsClip(UUID organizationId, long bytes) {
        return transactions.call(organizationId,
                () -> meter.stored(organizationId) + bytes <= meter.limit(organizationId));
    }
}
