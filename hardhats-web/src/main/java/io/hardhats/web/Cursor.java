package io.hardhats.web;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset-pagination position: the (created_at, id) of the last row of a page, newest first.
 * Opaque to clients (URL-safe base64).
 */
public record Cursor(Instant createdAt, UUID id) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * Rows after this position in newest-first order. The plain {@code created_at <= ?} bound is
     * redundant for correctness but lets PostgreSQL start the index scan at the cursor instead of
     * reading and discarding every newer row.
     */
    public Predicate olderRows(Root<?> root, CriteriaBuilder cb) {
        Path<Instant> at = root.get("createdAt");
        return cb.and(cb.lessThanOrEqualTo(at, createdAt),
                cb.or(cb.lessThan(at, createdAt), cb.and(cb.equal(at, createdAt), cb.lessThan(root.get("id"), id))));
    }

    public String encode() {
        long micros = createdAt.getEpochSecond() * 1_000_000L + createdAt.getNano() / 1000;
        String raw = micros + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return null for no cursor (first page) */
    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            long micros = Long.parseLong(raw.substring(0, bar));
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
            if (!StorableTime.contains(at)) {
                throw new IllegalArgumentException("cursor outside the storable time span");
            }
            return new Cursor(at, UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ApiException.badRequest("invalid value for 'cursor'");
        }
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ApiException.invalid("limit: must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
