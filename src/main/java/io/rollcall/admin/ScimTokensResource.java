package io.rollcall.admin;

import io.rollcall.application.TokenService;
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

/** SCIM tokens of a workspace, for IdP provisioning connectors. The secret appears only in the create answer. */
@Tag(name = "scim-tokens", description = "SCIM tokens for IdP connectors")
@Path("/v1/workspaces/{ws}/scim-tokens")
@Produces(MediaType.APPLICATION_JSON)
public class ScimTokensResource {

    @Inject
    TokenService tokens;

    @Inject
    CallerContext caller;

    @Operation(operationId = "createScimToken", summary = "Create a SCIM token (the secret is shown once)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "TokenView")))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("ws") String ws, Requests.CreateToken body) {
        Requests.required(body);
        var issued = tokens.createScimToken(caller.caller(), ws, body.name(), body.expiresInDays());
        return Response.status(201)
                .entity(Views.TokenView.of(issued.token(), caller.caller().email(), issued.secret()))
                .build();
    }

    @Operation(operationId = "listScimTokens", summary = "List SCIM tokens (without secrets)")
    @GET
    public List<Views.TokenView> list(@PathParam("ws") String ws) {
        return tokens.listScimTokens(caller.caller(), ws).stream()
                .map(t -> Views.TokenView.of(t.token(), t.createdByEmail(), null))
                .toList();
    }

    @Operation(operationId = "revokeScimToken", summary = "Revoke a SCIM token")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("ws") String ws, @PathParam("id") String id) {
        tokens.revokeScimToken(caller.caller(), ws, id);
        return Response.noContent().build();
    }
}
