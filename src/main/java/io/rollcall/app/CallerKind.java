package io.rollcall.app;

import java.util.Locale;

/**
 * What kind of credential a request presented, for the access log: {@code api-token} ({@code rcp_...}),
 * {@code scim-token} ({@code rcs_...}, with or without {@code Bearer}), {@code session} (another bearer value: the
 * session JWT), {@code session-cookie} (the console's {@code rollcall_session} cookie), {@code other} (another
 * {@code Authorization} scheme) or {@code anonymous}. Read from the credential's shape only; whether it was valid is
 * the status. The credential itself is never kept.
 */
enum CallerKind {
    API_TOKEN,
    SCIM_TOKEN,
    SESSION,
    SESSION_COOKIE,
    OTHER,
    ANONYMOUS;

    static final String SESSION_COOKIE_NAME = "rollcall_session";

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param cookieHeader the {@code Cookie} header, or null
     */
    static CallerKind of(String authorization, String cookieHeader) {
        if (authorization != null && !authorization.isBlank()) {
            String value = authorization.trim();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                value = value.substring(7).trim();
            } else if (!value.startsWith("rcs_")) {
                return OTHER;
            }
            return value.startsWith("rcp_") ? API_TOKEN : value.startsWith("rcs_") ? SCIM_TOKEN : SESSION;
        }
        if (cookieHeader != null && cookieHeader.contains(SESSION_COOKIE_NAME + "=")) {
            return SESSION_COOKIE;
        }
        return ANONYMOUS;
    }

    /** The log's spelling, e.g. {@code api-token}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
