package io.hardhats.users;

import io.hardhats.web.ApiException;

/**
 * At least 10 characters, more than one kind of character (lower, upper, digit, other), and not
 * the account's e-mail address.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static void check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiException.invalid("password: must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw ApiException.invalid("password: must be at most " + MAX_LENGTH + " characters");
        }
        if (classes(password) < 2) {
            throw ApiException.invalid("password: mix at least two of lower case, upper case, digits and symbols");
        }
        if (email != null && password.equalsIgnoreCase(email.trim())) {
            throw ApiException.invalid("password: must not be the e-mail address");
        }
    }

    private static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
