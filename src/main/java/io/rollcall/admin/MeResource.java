package io.rollcall.admin;

import io.rollcall.application.AccountService;
import io.rollcall.application.TokenService;
import io.rollcall.config.RollcallConfig;
import io.rollcall.sso.Cookies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The caller's account, memberships and personal API tokens. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    AccountService accounts;
    @Inject
    TokenService tokens;
    @Inject
    CallerContext caller;
    @Inject
    RollcallConfig config;

    @GET
    public Views.MeView me() {
        return Views.MeView.of(accounts.me(caller.caller()));
    }

    /**
     * Sign-out: answers 204 with a {@code Set-Cookie} that removes the {@code rollcall_session} cookie. The session JWT
     * itself stays valid until it expires (sessions are stateless), so a copy taken before sign-out still works until
     * then; the cookie is HttpOnly, so page scripts never see it.
     */
    @DELETE
    @Path("/session")
    public Response signOut() {
        caller.caller();
        return Response.noContent().header("Set-Cookie", Cookies.clearSession(config.publicUrl()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createToken(Requests.CreateToken body) {
        Requests.required(body);
        var issued = tokens.createApiToken(caller.caller(), body.name(), body.expiresInDays());
        return Response.status(201).entity(Views.TokenView.of(issued.token(), issued.secret())).build();
    }

    @GET
    @Path("/tokens")
    public List<Views.TokenView> listTokens() {
        return tokens.listApiTokens(caller.caller()).stream().map(t -> Views.TokenView.of(t, null)).toList();
    }

    @DELETE
    @Path("/tokens/{id}")
    public Response revokeToken(@PathParam("id") String id) {
        tokens.revokeApiToken(caller.caller(), id);
        return Response.noContent().build();
    }
}
