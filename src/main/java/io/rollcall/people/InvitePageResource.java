package io.rollcall.people;

import io.rollcall.application.signin.InviteLinks;
import io.rollcall.application.signin.LinkOutcome;
import io.rollcall.application.signin.LinkState;
import io.rollcall.sso.Cookies;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /invite/{token}} shows the invitation; {@code POST /invite/{token}} (the page's button) accepts it in a
 * workspace without SSO. Accepting needs the POST because mail scanners open links: a GET never changes anything.
 */
@Path("/{token}")
public class InvitePageResource {

    @Inject
    InviteLinks invites;

    @Inject
    BrowserRequests browser;

    @GET
    public Response show(@PathParam("token") String token) {
        Optional<InviteLinks.InviteSummary> invite = invites.describe(token);
        if (invite.isEmpty()) {
            return PeoplePages.inviteRefused(LinkState.UNKNOWN);
        }
        if (invite.get().refused() != null) {
            return PeoplePages.inviteRefused(invite.get().refused());
        }
        String sso = "/sso/" + URLEncoder.encode(invite.get().workspaceId(), StandardCharsets.UTF_8)
                + "/login?returnUrl=%2F";
        return PeoplePages.invite(invite.get(), sso, "/invite/" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    @POST
    public Response accept(
            @PathParam("token") String token,
            @CookieParam(Cookies.SESSION) String session,
            @Context HttpHeaders headers) {
        browser.requireSameOrigin(headers);
        LinkOutcome outcome = invites.accept(token, browser.sessionAccount(session));
        return outcome.ok() ? browser.signedIn(outcome.signedIn()) : PeoplePages.inviteRefused(outcome.refused());
    }
}
