package io.rollcall.application.sso;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a login may send the browser back to: a path on Rollcall itself ({@code /app/x?y}) or an absolute URL with
 * exactly Rollcall's public origin. Everything else is refused, so {@code /sso/{ws}/login} is no open redirect:
 * scheme-relative {@code //evil}, backslash tricks ({@code /\evil}), other schemes ({@code javascript:}), user-info
 * ({@code https://rollcall@evil}), control characters and other hosts or ports. Pure and thread-safe.
 */
public final class ReturnUrls {

    static final int MAX_LENGTH = 2048;

    private ReturnUrls() {}

    /** The URL to redirect to after login; {@code /} when none was given. */
    public static String validate(URI publicUrl, String raw) {
        if (raw == null || raw.isEmpty()) {
            return "/";
        }
        if (raw.length() > MAX_LENGTH || raw.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '\\')) {
            throw invalid();
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw invalid();
        }
        if (uri.getScheme() == null) {
            // Relative: must be an absolute path on this host, never scheme-relative.
            if (!raw.startsWith("/") || raw.startsWith("//") || uri.getRawAuthority() != null) {
                throw invalid();
            }
            return raw;
        }
        boolean sameOrigin = uri.getScheme().toLowerCase(Locale.ROOT).equals(publicUrl.getScheme())
                && uri.getRawUserInfo() == null
                && uri.getHost() != null
                && uri.getHost().equalsIgnoreCase(publicUrl.getHost())
                && port(uri) == port(publicUrl);
        if (!sameOrigin) {
            throw invalid();
        }
        return raw;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static SsoFailure invalid() {
        return new SsoFailure(
                SsoFailure.Reason.INVALID_RETURN_URL,
                "returnUrl must be a path on Rollcall or a URL with" + " Rollcall's own origin");
    }
}
