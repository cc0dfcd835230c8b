package io.hardhats.stream;

import java.util.HashMap;
import java.util.Map;

/** How many of something each key holds, each key within a bound; a key holding none takes no memory. */
final class KeyedCounts<K> {

    private final Map<K, Integer> counts = new HashMap<>();

    /** Counts one more for the key unless it already holds {@code max}; answers whether it did. */
    synchronized boolean tryAdd(K key, int max) {
        int held = counts.getOrDefault(key, 0);
        if (held >= max) {
            return false;
        }
        counts.put(key, held + 1);
        return true;
    }

    synchronized void remove(K key) {
        counts.computeIfPresent(key, (k, held) -> held > 1 ? held - 1 : null);
    }
}
