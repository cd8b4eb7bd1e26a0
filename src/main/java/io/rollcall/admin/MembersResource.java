package io.rollcall.admin;

import io.rollcall.application.MemberService;
import io.rollcall.application.PageRequest;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A workspace's members: search, read, change the direct role or active state, remove. */
@Tag(name = "members", description = "A workspace's members (the SCIM Users of that workspace)")
@Path("/v1/workspaces/{ws}/members")
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Inject
    MemberService members;

    @Inject
    CallerContext caller;

    @Operation(operationId = "listMembers", summary = "List or search members")
    @GET
    public Views.PageView<Views.MemberView> list(
            @PathParam("ws") String ws,
            @QueryParam("q") String q,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        var listed = members.listWithGroups(caller.caller(), ws, q, request);
        return Views.PageView.of(
                listed.page(),
                request,
                m -> Views.MemberView.of(m, listed.groupNames().getOrDefault(m.id(), List.of())));
    }

    @Operation(operationId = "getMember", summary = "Read a member")
    @GET
    @Path("/{id}")
    public Views.MemberView get(@PathParam("ws") String ws, @PathParam("id") String id) {
        return Views.MemberView.of(members.get(caller.caller(), ws, id));
    }

    @Operation(
            operationId = "getMemberPermissions",
            summary = "A member's effective permissions and where each comes from")
    @GET
    @Path("/{id}/permissions")
    public Views.MemberPermissionsView permissions(@PathParam("ws") String ws, @PathParam("id") String id) {
        var result = members.permissions(caller.caller(), ws, id);
        return Views.MemberPermissionsView.of(result.member(), result.permissions());
    }

    /** One IdP identity a member is bound to. */
    public record LinkedIdentityView(String subject) {}

    /**
     * The member's linked SSO identities: {@code [{"subject":"https://idp.example|nameid"}]}, or {@code []} when none
     * (a member has at most one, bound at its first SSO login).
     */
    @Operation(operationId = "listMemberIdentities", summary = "The SSO identities a member is linked to")
    @GET
    @Path("/{id}/identities")
    public List<LinkedIdentityView> identities(@PathParam("ws") String ws, @PathParam("id") String id) {
        return members.linkedIdentity(caller.caller(), ws, id).map(LinkedIdentityView::new).stream()
                .toList();
    }

    /** Unlinks the member's SSO identity (204); its next login links by verified e-mail. Audited. */
    @Operation(operationId = "unlinkMemberIdentity", summary = "Unlink a member's SSO identity")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @DELETE
    @Path("/{id}/identities")
    public Response unlink(@PathParam("ws") String ws, @PathParam("id") String id) {
        members.unlinkIdentity(caller.caller(), ws, id);
        return Response.noContent().build();
    }

    /** {@code {role?, active?, breakGlass?}}; breakGlass is owner-only and only for owners */
    @Operation(
            operationId = "updateMember",
            summary = "Change a member's direct role, active state or break-glass flag")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            properties = {
                                                @SchemaProperty(name = "role", type = SchemaType.STRING),
                                                @SchemaProperty(name = "active", type = SchemaType.BOOLEAN),
                                                @SchemaProperty(name = "breakGlass", type = SchemaType.BOOLEAN)
                                            })))
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.MemberView update(@PathParam("ws") String ws, @PathParam("id") String id, JsonObject body) {
        Requests.onlyKnown(body, Set.of("role", "active", "breakGlass"));
        var changes = new MemberService.Changes(
                Requests.string(body, "role"), Requests.bool(body, "active"), Requests.bool(body, "breakGlass"));
        return Views.MemberView.of(members.update(caller.caller(), ws, id, changes));
    }

    @Operation(operationId = "deleteMember", summary = "Remove a member from the workspace")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("ws") String ws, @PathParam("id") String id) {
        members.delete(caller.caller(), ws, id);
        return Response.noContent().build();
    }
}
