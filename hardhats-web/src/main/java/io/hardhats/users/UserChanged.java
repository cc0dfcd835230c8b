package io.hardhats.users;

import java.util.UUID;

/**
 * Published when a user's role, state or sessions change, inside the transaction that changes
 * them: sessions check the user's role and state, so they must see the change once committed.
 */
public record UserChanged(UUID userId) {
}
