package io.hardhats.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.util.UUID;

import org.hibernate.annotations.TenantId;

/**
 * Base of every entity that belongs to one organisation. Hibernate fills {@code organizationId}
 * from the current tenant on insert and adds it to every query.
 */
@MappedSuperclass
public abstract class TenantOwned {

    @TenantId
    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    public UUID getOrganizationId() {
        return organizationId;
    }
}
