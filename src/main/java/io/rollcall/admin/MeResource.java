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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's account, memberships and personal API tokens. */
@Tag(name = "me", description = "The caller's account, memberships and personal API tokens")
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

    @Operation(operationId = "getMe", summary = "The caller's account and memberships")
    @GET
    public Views.MeView me() {
        return Views.MeView.of(accounts.me(caller.caller()));
    }

    /**
     * Sign-out: answers 204 with a {@code Set-Cookie} that removes the {@code rollcall_session} cookie. The session JWT
     * itself stays valid until it expires (sessions are stateless), so a copy taken before sign-out still works until
     * then; the cookie is HttpOnly, so page scripts never see it.
     */
    @Operation(operationId = "signOut", summary = "Sign out: remove the session cookie")
    @APIResponse(responseCode = "204", description = "Signed out")
    @DELETE
    @Path("/session")
    public Response signOut() {
        caller.caller();
        return Response.noContent()
                .header("Set-Cookie", Cookies.clearSession(config.publicUrl()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @Operation(operationId = "createApiToken", summary = "Create a personal API token (the secret is shown once)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "TokenView")))
    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createToken(Requests.CreateToken body) {
        Requests.required(body);
        var issued = tokens.createApiToken(caller.caller(), body.name(), body.expiresInDays());
        return Response.status(201)
                .entity(Views.TokenView.of(issued.token(), issued.secret()))
                .build();
    }

    @Operation(operationId = "listApiTokens", summary = "List the caller's API tokens (without secrets)")
    @GET
    @Path("/tokens")
    public List<Views.TokenView> listTokens() {
        return tokens.listApiTokens(caller.caller()).stream()
                .map(t -> Views.TokenView.of(t, null))
                .toList();
    }

    @Operation(operationId = "revokeApiToken", summary = "Revoke one of the caller's API tokens")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @DELETE
    @Path("/tokens/{id}")
    public Response revokeToken(@PathParam("id") String id) {
        tokens.revokeApiToken(caller.caller(), id);
        return Response.noContent().build();
    }
}
