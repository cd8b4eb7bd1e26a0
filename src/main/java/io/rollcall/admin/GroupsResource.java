package io.rollcall.admin;

import io.rollcall.application.GroupService;
import io.rollcall.application.PageRequest;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

/** Groups, their members (STATIC only) and claim rules (DYNAMIC only). */
@Tag(name = "groups", description = "Static and dynamic groups, their members and claim rules")
@Path("/v1/workspaces/{ws}/groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

    @Inject
    GroupService groups;

    @Inject
    CallerContext caller;

    @Operation(operationId = "createGroup", summary = "Create a group")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "GroupView")))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("ws") String ws, Requests.CreateGroup body) {
        Requests.required(body);
        var group =
                groups.create(caller.caller(), ws, body.name(), body.description(), body.membershipType(), body.role());
        return Response.created(URI.create("/api/v1/workspaces/" + ws + "/groups/" + group.id()))
                .entity(Views.GroupView.of(group))
                .build();
    }

    @Operation(operationId = "listGroups", summary = "List or search groups")
    @GET
    public Views.PageView<Views.GroupView> list(
            @PathParam("ws") String ws,
            @QueryParam("q") String q,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return Views.PageView.of(groups.list(caller.caller(), ws, q, request), request, Views.GroupView::of);
    }

    @Operation(operationId = "getGroup", summary = "Read a group")
    @GET
    @Path("/{id}")
    public Views.GroupView get(@PathParam("ws") String ws, @PathParam("id") String id) {
        return Views.GroupView.of(groups.get(caller.caller(), ws, id));
    }

    /** {@code {name?, description?, role? (null removes it)}}; {@code membershipType} may only repeat the current one. */
    @Operation(operationId = "updateGroup", summary = "Rename a group, change its description or role")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            properties = {
                                                @SchemaProperty(name = "name", type = SchemaType.STRING),
                                                @SchemaProperty(name = "description", type = SchemaType.STRING),
                                                @SchemaProperty(name = "role", type = SchemaType.STRING)
                                            })))
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.GroupView update(@PathParam("ws") String ws, @PathParam("id") String id, JsonObject body) {
        Requests.onlyKnown(body, Set.of("name", "description", "role", "membershipType"));
        boolean clearRole = body.containsKey("role") && body.get("role") == JsonValue.NULL;
        var changes = new GroupService.Changes(
                Requests.string(body, "name"),
                Requests.string(body, "description"),
                clearRole ? null : Requests.string(body, "role"),
                clearRole,
                Requests.string(body, "membershipType"));
        return Views.GroupView.of(groups.update(caller.caller(), ws, id, changes));
    }

    @Operation(operationId = "deleteGroup", summary = "Delete a group")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("ws") String ws, @PathParam("id") String id) {
        groups.delete(caller.caller(), ws, id);
        return Response.noContent().build();
    }

    @Operation(operationId = "listGroupMembers", summary = "List a group's members with the source of each membership")
    @GET
    @Path("/{id}/members")
    public Views.PageView<Views.GroupMemberView> members(
            @PathParam("ws") String ws,
            @PathParam("id") String id,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return Views.PageView.of(groups.members(caller.caller(), ws, id, request), request, Views.GroupMemberView::of);
    }

    @Operation(operationId = "addGroupMember", summary = "Add a member to a STATIC group")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addMember(@PathParam("ws") String ws, @PathParam("id") String id, Requests.AddGroupMember body) {
        Requests.required(body);
        groups.addMember(caller.caller(), ws, id, body.memberId());
        return Response.noContent().build();
    }

    @Operation(operationId = "removeGroupMember", summary = "Remove a member from a STATIC group")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @DELETE
    @Path("/{id}/members/{memberId}")
    public Response removeMember(
            @PathParam("ws") String ws, @PathParam("id") String id, @PathParam("memberId") String memberId) {
        groups.removeMember(caller.caller(), ws, id, memberId);
        return Response.noContent().build();
    }

    @Operation(operationId = "listClaimRules", summary = "Read a DYNAMIC group's claim rules")
    @GET
    @Path("/{id}/claim-rules")
    public List<Views.ClaimRuleView> claimRules(@PathParam("ws") String ws, @PathParam("id") String id) {
        return groups.claimRules(caller.caller(), ws, id).stream()
                .map(Views.ClaimRuleView::of)
                .toList();
    }

    @Operation(operationId = "replaceClaimRules", summary = "Replace a DYNAMIC group's claim rules")
    @PUT
    @Path("/{id}/claim-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Views.ClaimRuleView> replaceClaimRules(
            @PathParam("ws") String ws, @PathParam("id") String id, List<Requests.ClaimRule> rules) {
        List<GroupService.ClaimRuleInput> inputs = rules == null
                ? null
                : rules.stream()
                        .map(r -> r == null ? null : new GroupService.ClaimRuleInput(r.claim(), r.match(), r.value()))
                        .toList();
        return groups.replaceClaimRules(caller.caller(), ws, id, inputs).stream()
                .map(Views.ClaimRuleView::of)
                .toList();
    }
}
