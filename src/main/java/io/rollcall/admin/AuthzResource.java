package io.rollcall.admin;

import io.rollcall.application.AuthzService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Authorization checks for products built on Rollcall: {@code {member, permission}} to {@code {allowed, grantedBy}}. */
@Path("/v1/workspaces/{ws}/authz/check")
@Produces(MediaType.APPLICATION_JSON)
public class AuthzResource {

    @Inject
    AuthzService authz;
    @Inject
    CallerContext caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.DecisionView check(@PathParam("ws") String ws, Requests.AuthzCheck body) {
        Requests.required(body);
        return Views.DecisionView.of(authz.check(caller.caller(), ws, body.member(), body.permission()));
    }
}
