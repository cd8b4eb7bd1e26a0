package io.rollcall.sso;

import java.net.URI;
import java.time.Duration;

/**
 * The SSO cookies, written by hand so that every attribute is visible here. All are HttpOnly and Secure whenever
 * Rollcall's public URL is https.
 *
 * <p>The login-state cookie of a SAML login is {@code SameSite=None} on https: the IdP returns with a cross-site POST,
 * on which browsers do not send Lax cookies. On plain-http deployments (development) it falls back to Lax, since
 * browsers refuse None without Secure; there the IdP must be same-site with Rollcall. OIDC returns with a top-level
 * GET, so its state cookie and the session cookie are Lax.
 */
public final class Cookies {

    static final String STATE = "rollcall_sso_state";
    /** The session cookie that the console and the admin API read, and the invite and sign-in link pages set (see {@code admin.BearerAuthentication}). */
    public static final String SESSION = "rollcall_session";

    private Cookies() {}

    static String loginState(URI publicUrl, String workspaceId, String value, Duration maxAge, boolean crossSitePost) {
        boolean https = isHttps(publicUrl);
        String sameSite = crossSitePost && https ? "None" : "Lax";
        return STATE + "=" + value + "; Path=" + statePath(publicUrl, workspaceId) + "; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; SameSite=" + sameSite + (https ? "; Secure" : "");
    }

    static String clearLoginState(URI publicUrl, String workspaceId) {
        return STATE + "=; Path=" + statePath(publicUrl, workspaceId) + "; Max-Age=0; HttpOnly; SameSite=Lax"
                + (isHttps(publicUrl) ? "; Secure" : "");
    }

    /** {@code rollcall_session}: HttpOnly, SameSite=Lax, Secure on https, path of the public URL. */
    public static String session(URI publicUrl, String jwt, Duration maxAge) {
        String path = publicUrl.getPath() == null || publicUrl.getPath().isEmpty() ? "/" : publicUrl.getPath();
        return SESSION + "=" + jwt + "; Path=" + path + "; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Lax"
                + (isHttps(publicUrl) ? "; Secure" : "");
    }

    /**
     * A {@code Set-Cookie} value that removes the session cookie (sign-out): same name, path and attributes as
     * {@link #session}, empty value, {@code Max-Age=0}.
     */
    public static String clearSession(URI publicUrl) {
        return session(publicUrl, "", Duration.ZERO);
    }

    private static String statePath(URI publicUrl, String workspaceId) {
        String base = publicUrl.getPath() == null ? "" : publicUrl.getPath();
        return base + "/sso/" + workspaceId + "/";
    }

    private static boolean isHttps(URI publicUrl) {
        return "https".equals(publicUrl.getScheme());
    }
}
