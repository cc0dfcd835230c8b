package io.hardhats.users;

import java.util.function.Supplier;

import io.hardhats.web.ApiException;
import io.hardhats.web.UniqueViolation;
import org.springframework.dao.DataIntegrityViolationException;

/** E-mails are unique across every organisation (they sign in without naming one). */
public final class EmailTaken {

    private static final String CONSTRAINT = "users_email_key";

    private EmailTaken() {
    }

    public static ApiException error() {
        return ApiException.conflict("email_taken", "an account with this e-mail already exists");
    }

    /** Runs a flushing write; a concurrent account with the same e-mail answers {@link #error()}. */
    public static <T> T unlessUnique(Supplier<T> write) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException e) {
            if (UniqueViolation.of(e, CONSTRAINT)) {
                throw error();
            }
            throw e;
        }
    }
}
