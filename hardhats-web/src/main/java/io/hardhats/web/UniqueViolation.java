package io.hardhats.web;

import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Recognises which unique constraint refused a write. Checks before a write answer the common
 * case with a clear message; the constraint decides when two requests pass the check at once.
 */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    public static boolean of(DataIntegrityViolationException e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
