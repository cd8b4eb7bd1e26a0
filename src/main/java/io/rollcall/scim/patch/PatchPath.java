package io.rollcall.scim.patch;

import io.rollcall.application.scim.ParsedFilter;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.scim.filter.ScimFilterParser;
import java.util.Locale;

/**
 * A PATCH path (RFC 7644 section 3.5.2, figure 7): {@code [urn:]attr[.sub]} or {@code [urn:]attr[filter][.sub]}.
 * Parsed here rather than by SCIMple M1, whose path parser fails on non-ASCII values and turns bad paths into 500s.
 *
 * @param urn the schema URN prefix, or null for the core schema
 * @param attribute the attribute name as sent
 * @param subAttribute the sub-attribute, or null
 * @param valueFilter the filter inside brackets, or null
 */
public record PatchPath(String urn, String attribute, String subAttribute, ParsedFilter valueFilter) {

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_$-]*");

    /** @throws ScimProblem 400 invalidPath when the path is malformed */
    public static PatchPath parse(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String text = path.trim();
        ParsedFilter filter = null;
        String suffix = null;
        int open = text.indexOf('[');
        if (open >= 0) {
            int close = text.lastIndexOf(']');
            if (close < open) {
                throw invalid(path);
            }
            try {
                filter = ScimFilterParser.parse(text.substring(open + 1, close));
            } catch (ScimProblem e) {
                throw invalid(path);
            }
            String after = text.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(".") || !NAME.matcher(after.substring(1)).matches()) {
                    throw invalid(path);
                }
                suffix = after.substring(1);
            }
            text = text.substring(0, open);
        }
        String urn = null;
        if (text.toLowerCase(Locale.ROOT).startsWith("urn:")) {
            int colon = text.lastIndexOf(':');
            urn = text.substring(0, colon);
            text = text.substring(colon + 1);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length > 2 || (parts.length == 2 && filter != null)) {
            throw invalid(path);
        }
        for (String part : parts) {
            if (!NAME.matcher(part).matches()) {
                throw invalid(path);
            }
        }
        return new PatchPath(urn, parts[0], parts.length == 2 ? parts[1] : suffix, filter);
    }

    private static ScimProblem invalid(String path) {
        return ScimProblem.badRequest(ScimProblem.INVALID_PATH, "invalid PATCH path '" + path + "'");
    }
}
