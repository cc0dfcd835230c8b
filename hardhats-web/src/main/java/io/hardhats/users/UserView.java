package io.hardhats.users;

import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it: never the password hash. */
public record UserView(UUID id, String email, String fullName, Role role, boolean isActive, Instant lastLogin,
        Instant createdAt) {

    public static UserView of(User user) {
        return new UserView(user.getId(), user.getEmail(), user.getFullName(), user.getRole(), user.isActive(),
                user.getLastLogin(), user.getCreatedAt());
    }
}
