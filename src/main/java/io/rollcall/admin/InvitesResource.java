package io.rollcall.admin;

import io.rollcall.application.PageRequest;
import io.rollcall.application.invite.InviteService;
import io.rollcall.domain.identity.Invite;
import io.rollcall.domain.shared.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invites of a workspace: one email and one role per request. The token appears only in create and resend answers. */
@Tag(name = "invites", description = "Invitations into a workspace")
@Path("/v1/workspaces/{ws}/invites")
@Produces(MediaType.APPLICATION_JSON)
public class InvitesResource {

    @Inject
    InviteService invites;

    @Inject
    CallerContext caller;

    @Inject
    Clock clock;

    @Operation(operationId = "createInvite", summary = "Invite one e-mail address with one role")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "InviteView")))
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            properties = {
                                                @SchemaProperty(name = "email", type = SchemaType.STRING),
                                                @SchemaProperty(name = "role", type = SchemaType.STRING)
                                            })))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("ws") String ws, JsonValue body) {
        // One invite per request: an array (a bulk invite) is refused explicitly.
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(
                    null, "the body must be one JSON object {email, role};" + " invites are created one at a time");
        }
        JsonObject invite = Requests.onlyKnown(body.asJsonObject(), java.util.Set.of("email", "role"));
        var issued =
                invites.create(caller.caller(), ws, Requests.string(invite, "email"), Requests.string(invite, "role"));
        return Response.created(URI.create("/api/v1/workspaces/" + ws + "/invites/"
                        + issued.invite().id()))
                .entity(Views.InviteView.issued(issued, clock.instant()))
                .build();
    }

    @Operation(
            operationId = "listInvites",
            summary = "List invites, newest first, optionally only those in given states")
    @GET
    public Views.PageView<Views.InviteView> list(
            @PathParam("ws") String ws,
            @Parameter(
                            description =
                                    "Comma-separated states to list: pending, expired, accepted, revoked (any case)."
                                            + " Absent: all invites. The console lists open invites with state=pending,expired.",
                            example = "pending,expired")
                    @QueryParam("state")
                    String state,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        var now = clock.instant();
        return Views.PageView.of(
                invites.list(caller.caller(), ws, states(state), request), request, i -> Views.InviteView.of(i, now));
    }

    /** "pending,expired" -> {PENDING, EXPIRED}; blank -> empty (all); an unknown state is the caller's mistake. */
    static Set<Invite.State> states(String value) {
        Set<Invite.State> states = EnumSet.noneOf(Invite.State.class);
        if (value == null || value.isBlank()) {
            return states;
        }
        for (String part : value.split(",", -1)) {
            try {
                states.add(Invite.State.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "state", "'state' takes pending, expired, accepted or revoked," + " comma-separated");
            }
        }
        return states;
    }

    @Operation(operationId = "getInvite", summary = "Read an invite")
    @GET
    @Path("/{id}")
    public Views.InviteView get(@PathParam("ws") String ws, @PathParam("id") String id) {
        return Views.InviteView.of(invites.get(caller.caller(), ws, id), clock.instant());
    }

    @Operation(operationId = "revokeInvite", summary = "Revoke a pending invite")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("ws") String ws, @PathParam("id") String id) {
        invites.revoke(caller.caller(), ws, id);
        return Response.noContent().build();
    }

    @Operation(operationId = "resendInvite", summary = "Renew and resend a pending invite")
    @POST
    @Path("/{id}/resend")
    public Views.InviteView resend(@PathParam("ws") String ws, @PathParam("id") String id) {
        return Views.InviteView.issued(invites.resend(caller.caller(), ws, id), clock.instant());
    }
}
