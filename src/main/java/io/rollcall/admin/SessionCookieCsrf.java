package io.rollcall.admin;

import io.rollcall.config.RollcallConfig;
import io.rollcall.domain.shared.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.Locale;

/**
 * Cross-site request forgery protection for admin API calls authenticated by the {@code rollcall_session} cookie (the
 * console's calls). A bearer header cannot be forged by another site, a cookie can: so a cookie is accepted only when
 *
 * <ul>
 * <li>the request carries {@value #HEADER}{@code : 1}. Another site can send that header only through CORS, whose
 * preflight Rollcall never approves; a plain form post or image load cannot send it at all (OWASP CSRF cheat sheet,
 * "custom request headers");</li>
 * <li>and, where the browser says where the request comes from, it comes from Rollcall's own origin: an
 * {@code Origin} header must equal the origin of {@code ROLLCALL_PUBLIC_URL}, and {@code Sec-Fetch-Site} must not be
 * {@code cross-site} (Fetch Metadata).</li>
 * </ul>
 *
 * The cookie itself is {@code SameSite=Lax}, so browsers already leave it off cross-site POSTs; these checks hold even
 * for a browser that ignores SameSite. A refusal is 403 {@code csrf}, before the session is even looked at.
 */
@ApplicationScoped
public class SessionCookieCsrf {

    /** The header the console sends with every call, value {@code 1}. */
    public static final String HEADER = "X-Rollcall-Csrf";

    private final String ownOrigin;

    @Inject
    public SessionCookieCsrf(RollcallConfig config) {
        this.ownOrigin = origin(config.publicUrl());
    }

    /** For CDI proxies only. */
    protected SessionCookieCsrf() {
        this.ownOrigin = null;
    }

    /** @throws ForbiddenException {@code csrf} when the request may come from another site */
    public void check(ContainerRequestContext request) {
        if (!"1".equals(request.getHeaderString(HEADER))) {
            throw new ForbiddenException("csrf", "cookie-authenticated calls need the header " + HEADER + ": 1");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.equalsIgnoreCase(ownOrigin)) {
            throw new ForbiddenException("csrf", "cross-site requests with the session cookie are refused");
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && "cross-site".equals(site.toLowerCase(Locale.ROOT))) {
            throw new ForbiddenException("csrf", "cross-site requests with the session cookie are refused");
        }
    }

    static String origin(URI url) {
        int port = url.getPort();
        boolean defaultPort = port == -1
                || ("http".equals(url.getScheme()) && port == 80)
                || ("https".equals(url.getScheme()) && port == 443);
        return url.getScheme() + "://" + url.getHost() + (defaultPort ? "" : ":" + port);
    }
}
