package io.rollcall.people;

import io.rollcall.application.signin.SignedIn;
import io.rollcall.application.sso.SessionService;
import io.rollcall.config.MailSettings;
import io.rollcall.config.RollcallConfig;
import io.rollcall.domain.shared.ForbiddenException;
import io.rollcall.domain.shared.UnauthenticatedException;
import io.rollcall.sso.Cookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * What the people's pages share: the Origin check of their form posts, the session the browser already holds, and
 * the redirect that ends a sign-in by setting {@code rollcall_session}.
 */
@ApplicationScoped
class BrowserRequests {

    @Inject
    RollcallConfig config;

    @Inject
    MailSettings mail;

    @Inject
    SessionService sessions;

    /**
     * Refuses a form post whose {@code Origin} is another site (browsers send it on cross-site posts), so no other
     * page can make a browser accept an invite or use a link on its behalf. Requests without Origin (non-browser
     * clients) pass: they carry the one-time token themselves.
     */
    void requireSameOrigin(HttpHeaders headers) {
        String origin = headers.getHeaderString("Origin");
        if (origin == null) {
            return;
        }
        URI own = config.publicUrl();
        String expected = own.getScheme() + "://" + own.getHost() + (own.getPort() == -1 ? "" : ":" + own.getPort());
        if (!expected.equalsIgnoreCase(origin)) {
            throw new ForbiddenException("cross-site", "this form can only be sent from Rollcall's own pages");
        }
    }

    /** The account of a valid {@code rollcall_session} cookie, if the browser sent one. */
    Optional<String> sessionAccount(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(sessions.authenticate(cookie).accountId());
        } catch (UnauthenticatedException e) {
            return Optional.empty();
        }
    }

    /** 303 to the landing URL with the session cookie. */
    Response signedIn(SignedIn signedIn) {
        URI landing = mail.landingUrl().map(URI::create).orElse(URI.create(config.publicUrl() + "/"));
        return Response.seeOther(landing)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Set-Cookie", Cookies.session(config.publicUrl(), signedIn.session(), signedIn.lifetime()))
                .build();
    }
}
