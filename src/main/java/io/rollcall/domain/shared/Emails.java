package io.rollcall.domain.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email normalisation: accounts are keyed by the trimmed, lower-cased address. */
public final class Emails {

    // Deliberately simple: one @, no spaces, a dot in the domain. Full RFC 5322 parsing accepts addresses no IdP sends.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{1,63}$");

    private Emails() {}

    public static String normalise(String email) {
        if (email == null) {
            throw new InvalidInputException("email", "email is required");
        }
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        if (normalised.length() > 320 || !SHAPE.matcher(normalised).matches()) {
            throw new InvalidInputException("email", "'" + email + "' is not a valid email address");
        }
        return normalised;
    }

    public static String domainOf(String normalisedEmail) {
        return normalisedEmail.substring(normalisedEmail.indexOf('@') + 1);
    }
}
