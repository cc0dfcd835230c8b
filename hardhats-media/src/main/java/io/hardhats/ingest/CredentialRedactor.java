package io.hardhats.ingest;

import java.util.regex.Pattern;

/** Removes {@code user:password@} from every URL inside a text before it is logged or reported. */
public final class CredentialRedactor {

    // scheme://userinfo@ — userinfo runs up to the last '@' before the host (passwords may hold '@').
    private static final Pattern USER_INFO =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s\"'<>]*@");

    private CredentialRedactor() {
    }

    /** The text with every URL's credentials replaced by {@code ***}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return USER_INFO.matcher(text).replaceAll("$1***@");
    }

    /** The URL without its credentials, for logs. */
    public static String safeUrl(String url) {
        return redact(url);
    }
}
