package io.hardhats.organizations;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Predicate;

/** A URL-friendly, unique organisation slug made from its name ("Acme Builders" → "acme-builders"). */
final class SlugMaker {

    private static final int MAX_LENGTH = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /**
     * A slug with a random suffix ("acme-builders-3f9a1c"), for a registration whose slug another
     * one took at the same moment: trying the next number would collide with it again.
     */
    static String randomised(String name, Predicate<String> taken) {
        String suffix = "-" + HexFormat.of().toHexDigits(RANDOM.nextInt()).substring(2);
        String base = base(name);
        return unique(base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix, taken);
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
