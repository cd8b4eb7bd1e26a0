package io.rollcall.admin;

import io.rollcall.application.invite.InviteService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accepting an invite, by the authenticated account it was sent to. */
@Tag(name = "invites", description = "Invitations into a workspace")
@Path("/v1/invites/accept")
@Produces(MediaType.APPLICATION_JSON)
public class InviteAcceptResource {

    @Inject
    InviteService invites;

    @Inject
    CallerContext caller;

    @Operation(operationId = "acceptInvite", summary = "Accept an invite as the invited account")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.MemberView accept(Requests.AcceptInvite body) {
        Requests.required(body);
        return Views.MemberView.of(invites.accept(caller.caller(), body.token()));
    }
}
