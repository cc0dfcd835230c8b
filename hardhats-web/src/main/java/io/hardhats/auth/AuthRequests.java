package io.hardhats.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the authentication endpoints. */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record Register(
            @NotBlank @Size(max = 200) String organizationName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull String password,
            @NotBlank @Size(max = 200) String fullName) {

        @Override
        public String toString() {
            return "Register[" + organizationName + ", " + email + "]";
        }
    }

    public record Login(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 256) String password) {

        @Override
        public String toString() {
            return "Login[" + email + "]";
        }
    }
}
