package io.hardhats.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public final class UserRequests {

    private UserRequests() {
    }

    public record Create(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull String password,
            @NotBlank @Size(max = 200) String fullName,
            @NotNull Role role) {

        @Override
        public String toString() {
            return "Create[" + email + ", " + role + "]";
        }
    }

    /** Fields left out (null) stay as they are. */
    public record Update(@Size(min = 1, max = 200) String fullName, Role role, Boolean isActive) {
    }

    public record ChangePassword(@NotNull @Size(max = 256) String currentPassword, @NotNull String newPassword) {

        @Override
        public String toString() {
            return "ChangePassword[***]";
        }
    }
}
