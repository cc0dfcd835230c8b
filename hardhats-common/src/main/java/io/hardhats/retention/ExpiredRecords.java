package io.hardhats.retention;

import java.time.Instant;
import java.util.UUID;

/**
 * One kind of record that retention removes once it is older than its organisation's period,
 * one bounded batch per short transaction. Rows another instance is removing are skipped rather
 * than waited for, so any number of instances may run retention at once.
 */
public interface ExpiredRecords {

    /** What the records are, as the retention log names them. */
    String kind();

    /** @return how many records the batch removed (fewer than {@code limit}: none older are left) */
    int deleteBatch(UUID organizationId, Instant createdBefore, int limit);
}
