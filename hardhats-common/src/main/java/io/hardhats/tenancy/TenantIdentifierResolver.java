package io.hardhats.tenancy;

import java.util.UUID;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Feeds Hibernate's {@code @TenantId} filter from {@link TenantContext}. Outside any scope it
 * answers an organisation that cannot exist, so a forgotten scope reads nothing and cannot insert.
 */
public class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID> {

    static final UUID NO_TENANT = new UUID(0L, 0L);
    static final UUID SYSTEM = new UUID(-1L, -1L);

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        if (TenantContext.isSystem()) {
            return SYSTEM;
        }
        return TenantContext.currentOrganization().orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }

    @Override
    public boolean isRoot(UUID tenantId) {
        return SYSTEM.equals(tenantId);
    }
}
