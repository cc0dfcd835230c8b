package io.hardhats.auth;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** A URL-friendly, unique organisation slug made from its name ("Acme Builders" → "acme-builders"). */
final class SlugMaker {

    private static final int MAX_LENGTH = 60;

    private SlugMaker() {
    }

    static String unique(String name, Predicate<String> taken) {
        String base = base(name);
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    static String base(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "org" : slug;
    }
}
