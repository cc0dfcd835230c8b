package io.hardhats.auth;

import java.time.Instant;
import java.util.UUID;

import io.hardhats.users.Role;

/** The signed-in user of a request, as checked against the database (at most a few seconds ago). */
public record SessionPrincipal(UUID userId, UUID organizationId, Role role, String tokenId, Instant expiresAt) {
}
