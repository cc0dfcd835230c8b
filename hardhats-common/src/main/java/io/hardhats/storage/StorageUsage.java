package io.hardhats.storage;

import java.util.Map;

/**
 * What an organisation stores.
 *
 * @param bytes bytes of each kind of event blob ({@code thumbnails}, {@code frames}...), every kind present
 * @param totalBytes every blob of the organisation, placeholder videos included: what the limit counts
 * @param limitReached new clips are no longer stored
 * @param events how many events it keeps
 */
public record StorageUsage(Map<String, Long> bytes, long totalBytes, long limitBytes, boolean limitReached,
        long events) {

    static StorageUsage of(Map<String, Long> bytes, long totalBytes, long limitBytes, long events) {
        return new StorageUsage(bytes, totalBytes, limitBytes, totalBytes >= limitBytes, events);
    }
}
