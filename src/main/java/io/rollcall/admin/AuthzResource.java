package io.rollcall.admin;

import io.rollcall.application.AuthzService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Authorization checks for products built on Rollcall: {@code {member, permission}} to {@code {allowed, grantedBy}}. */
@Tag(name = "authz", description = "Authorization checks for products built on Rollcall")
@Path("/v1/workspaces/{ws}/authz/check")
@Produces(MediaType.APPLICATION_JSON)
public class AuthzResource {

    @Inject
    AuthzService authz;

    @Inject
    CallerContext caller;

    @Operation(
            operationId = "checkPermission",
            summary = "May this member do this? With the grants that allow it, or the reason for a denial")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(ref = "AuthzCheck"),
                            examples =
                                    @ExampleObject(
                                            name = "example",
                                            value =
                                                    "{\"member\":\"6f1c2a9e-3b7d-4c55-9a41-0c2f8e7d5b13\",\"permission\":\"secrets:read\"}")))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.DecisionView check(@PathParam("ws") String ws, Requests.AuthzCheck body) {
        Requests.required(body);
        return Views.DecisionView.of(authz.check(caller.caller(), ws, body.member(), body.permission()));
    }
}
