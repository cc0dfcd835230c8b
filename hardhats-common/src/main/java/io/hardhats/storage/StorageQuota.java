package io.hardhats.storage;

import java.util.UUID;

/**
 * The plan's storage limit, asked before a clip is stored. A full organisation still records its
 * events (with their thumbnail and frame), only without clips; its admins see a notice.
 */
public interface StorageQuota {

    /** Whether {@code bytes} more still fit within the organisation's limit. */
    boolean allowsClip(UUID organizationId, long bytes);
}
