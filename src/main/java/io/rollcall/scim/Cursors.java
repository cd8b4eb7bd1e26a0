package io.rollcall.scim;

import io.rollcall.application.scim.ScimProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Opaque cursors for RFC 9865 paging: the id of the last item served plus a fingerprint of the filter, so that a
 * cursor replayed with another filter is refused ({@code invalidCursor}) instead of silently paging something else.
 * A cursor carries no secret and grants nothing: the query is scoped to the caller's workspace whatever it holds.
 * It never expires, because the keyset needs no server state.
 */
public final class Cursors {

    public static final String INVALID_CURSOR = "invalidCursor";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Cursors() {}

    /** The fingerprint of a filter (null or blank: no filter). */
    public static String scope(String filter) {
        String text = filter == null ? "" : filter.trim();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(String lastId, String scope) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("1." + scope + "." + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The id after which the next page starts; a foreign, altered or malformed cursor is a 400 invalidCursor. */
    public static String decode(String cursor, String scope) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3
                || !parts[0].equals("1")
                || !parts[1].equals(scope)
                || !ID.matcher(parts[2]).matches()) {
            throw invalid();
        }
        return parts[2];
    }

    private static ScimProblem invalid() {
        return ScimProblem.badRequest(INVALID_CURSOR, "the cursor is not one this server issued for this query");
    }
}
