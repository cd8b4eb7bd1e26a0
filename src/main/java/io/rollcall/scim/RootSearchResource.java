package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.application.scim.SearchSpec;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /.search} at the root (RFC 7644 section 3.4.3), which SCIMple M1 answers 501: Users then Groups, paged
 * over their concatenation. A filter naming an attribute one type lacks simply matches nothing of that type; only
 * when it fits neither type is it a 400.
 */
@Path(".search")
@RequestScoped
@Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public class RootSearchResource {

    private final UsersResource users;
    private final GroupsResource groups;

    @Inject
    public RootSearchResource(UsersResource users, GroupsResource groups) {
        this.users = users;
        this.groups = groups;
    }

    /** For CDI proxies only. */
    protected RootSearchResource() {
        this(null, null);
    }

    @POST
    public Response search(String body, @Context UriInfo uri) {
        ListParams params = ListParams.of(RequestBodies.parse(body));
        if (params.cursorScope() != null) {
            throw ScimProblem.badRequest(
                    ScimProblem.INVALID_VALUE,
                    "cursor paging is offered on /Users and /Groups," + " not across resource types");
        }
        SearchSpec spec = params.spec();
        // Totals first (count 0), then the slice of each type that falls into the requested window.
        Long userTotal = totalOrNull(() -> users.list(withWindow(params, 0, 0), uri));
        Long groupTotal = totalOrNull(() -> groups.list(withWindow(params, 0, 0), uri));
        if (userTotal == null && groupTotal == null) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_FILTER, "the filter fits neither Users nor Groups");
        }
        long users0 = userTotal == null ? 0 : userTotal;
        long groups0 = groupTotal == null ? 0 : groupTotal;
        List<JsonNode> resources = new ArrayList<>();
        int offset = spec.offset();
        int remaining = spec.limit();
        if (offset < users0 && remaining > 0) {
            resources.addAll(resourcesOf(users.list(withWindow(params, offset, remaining), uri)));
            remaining -= resources.size();
        }
        if (remaining > 0 && groups0 > 0) {
            int groupOffset = (int) Math.max(0, offset - users0);
            resources.addAll(resourcesOf(groups.list(withWindow(params, groupOffset, remaining), uri)));
        }
        ObjectNode list = ListResponses.of(List.of(), users0 + groups0, params.startIndex());
        ArrayNode array = (ArrayNode) list.get("Resources");
        resources.forEach(array::add);
        list.put("itemsPerPage", resources.size());
        return Response.ok(list).type(ScimMediaTypes.SCIM_JSON).build();
    }

    private static ListParams withWindow(ListParams params, int offset, int limit) {
        SearchSpec s = params.spec();
        return new ListParams(
                new SearchSpec(s.filter(), s.sortBy(), s.descending(), offset, limit),
                params.projection(),
                params.startIndex());
    }

    private static Long totalOrNull(java.util.function.Supplier<Response> list) {
        try {
            return ((JsonNode) list.get().getEntity()).get("totalResults").asLong();
        } catch (ScimProblem unfit) {
            return null;
        }
    }

    private static List<JsonNode> resourcesOf(Response response) {
        List<JsonNode> resources = new ArrayList<>();
        ((JsonNode) response.getEntity()).get("Resources").forEach(resources::add);
        return resources;
    }
}
