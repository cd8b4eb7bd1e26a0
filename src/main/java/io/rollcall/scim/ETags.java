package io.rollcall.scim;

import io.rollcall.application.scim.ScimProblem;
import jakarta.ws.rs.core.EntityTag;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Weak ETags from the version column: {@code W/"7"}. */
public final class ETags {

    private static final Pattern VERSION = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})\"\\s*$");

    private ETags() {}

    public static String of(long version) {
        return "W/\"" + version + "\"";
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version), true);
    }

    /**
     * The version an If-Match header asks for; null when absent or {@code *}. A tag that is not one of ours cannot
     * match any version, so it is a 412.
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new ScimProblem(412, null, "If-Match does not name a current version");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** True when an If-None-Match header names this version (or *): the client's copy is current. */
    public static boolean notModified(String ifNoneMatch, long version) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*")) {
                return true;
            }
            Matcher matcher = VERSION.matcher(trimmed);
            if (matcher.matches() && Long.parseLong(matcher.group(1)) == version) {
                return true;
            }
        }
        return false;
    }
}
