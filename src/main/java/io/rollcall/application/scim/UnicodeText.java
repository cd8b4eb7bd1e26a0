package io.rollcall.application.scim;

/**
 * Refuses text that is not valid Unicode: a lone UTF-16 surrogate, which JSON's {@code \\uD800} escapes can carry but
 * no database column can store (MariaDB's utf8mb4 would keep it as {@code ?} after a 201). Used for SCIM bodies and
 * filter literals alike, so both give the same 400.
 */
public final class UnicodeText {

    private UnicodeText() {}

    /** @throws ScimProblem 400 {@code invalidValue} when {@code text} holds an unpaired surrogate */
    public static void requireValid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ScimProblem.badRequest(
                        ScimProblem.INVALID_VALUE,
                        String.format(
                                "the request holds an unpaired UTF-16 surrogate (\\u%04X), which is not valid Unicode",
                                (int) c));
            }
        }
    }
}
