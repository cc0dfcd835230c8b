package io.hardhats.users;

import java.util.Locale;

/** E-mail addresses as stored and compared: sign-in and uniqueness ignore case and surrounding spaces. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
