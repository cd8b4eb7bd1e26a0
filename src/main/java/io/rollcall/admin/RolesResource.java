package io.rollcall.admin;

import io.rollcall.application.RoleService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;

/** Preset and custom roles of a workspace. */
@Path("/v1/workspaces/{ws}/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {

    @Inject
    RoleService roles;
    @Inject
    CallerContext caller;

    @GET
    public List<Views.RoleView> list(@PathParam("ws") String ws) {
        return roles.list(caller.caller(), ws).stream().map(Views.RoleView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("ws") String ws, Requests.CreateRole body) {
        Requests.required(body);
        var role = roles.create(caller.caller(), ws, body.id(), body.name(), body.description(), body.permissions());
        return Response.created(URI.create("/api/v1/workspaces/" + ws + "/roles/" + role.id()))
                .entity(Views.RoleView.of(role)).build();
    }

    @GET
    @Path("/{id}")
    public Views.RoleView get(@PathParam("ws") String ws, @PathParam("id") String id) {
        return Views.RoleView.of(roles.get(caller.caller(), ws, id));
    }

    /** {@code {name?, description?, permissions?}} */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.RoleView update(@PathParam("ws") String ws, @PathParam("id") String id, JsonObject body) {
        Requests.onlyKnown(body, Set.of("name", "description", "permissions"));
        var changes = new RoleService.Changes(Requests.string(body, "name"), Requests.string(body, "description"),
                Requests.strings(body, "permissions"));
        return Views.RoleView.of(roles.update(caller.caller(), ws, id, changes));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("ws") String ws, @PathParam("id") String id) {
        roles.delete(caller.caller(), ws, id);
        return Response.noContent().build();
    }
}
