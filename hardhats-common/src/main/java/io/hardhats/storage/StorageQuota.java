package io.hardhats.storage;

import java.util.UUID;

/**
 * The plan's storage limit, claimed before a clip is stored. A full organisation still records
 * its events (with their thumbnail and frame), only without clips; its admins see a notice.
 */
public interface StorageQuota {

    /**
     * Whether {@code bytes} more fit within the organisation's limit. Asked in the transaction
     * that then stores them: the organisation's usage stays locked until it ends, so concurrent
     * writers pass one after another, each seeing what the previous one stored.
     *
     * @throws IllegalStateException outside a transaction, where the answer would hold for nobody
     */
    boolean claim(UUID organizationId, long bytes);
}
