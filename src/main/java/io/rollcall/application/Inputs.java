package io.rollcall.application;

import io.rollcall.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/** Checks of client-supplied values shared by the use cases; each failure names the field. */
public final class Inputs {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

    private Inputs() {}

    static String requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "'" + field + "' is required");
        }
        return optionalText(field, value, maxLength);
    }

    static String optionalText(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field, "'" + field + "' is longer than " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new InvalidInputException(field, "'" + field + "' contains control characters");
        }
        return trimmed;
    }

    /**
     * Lower-case letters, digits and inner hyphens, 1 to 63 characters: safe in URLs and as an id.
     *
     * @param field the field or setting named in the error
     * @return {@code value} unchanged
     * @throws InvalidInputException when {@code value} is null or not such a slug
     */
    public static String slug(String field, String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new InvalidInputException(
                    field,
                    "'" + field + "' must be 1-63 lower-case letters, digits or"
                            + " hyphens, starting and ending with a letter or digit");
        }
        return value;
    }

    static String uuid(String field, String value) {
        if (!io.rollcall.domain.shared.Ids.isUuid(value)) {
            throw new InvalidInputException(field, "'" + field + "' must be an id (UUID)");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }
}
