package io.hardhats.session;

import java.time.Instant;
import java.util.UUID;

import io.hardhats.users.Role;

/**
 * The signed-in user of a request, as checked against the database (at most a few seconds ago).
 * {@code sessionId} stays the same across refreshes of one sign-in, {@code tokenId} does not.
 */
public record SessionPrincipal(UUID userId, UUID organizationId, Role role, String tokenId, Instant expiresAt,
        String sessionId, int sessionVersion) {
}
