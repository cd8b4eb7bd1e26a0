package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.MemberChange;
import io.rollcall.application.scim.ScimGroupService;
import io.rollcall.application.scim.ScimGroupView;
import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.MembershipType;
import io.rollcall.domain.shared.Page;
import io.rollcall.scim.filter.FilterTranslator;
import io.rollcall.scim.filter.ScimResourceSchemas;
import io.rollcall.scim.filter.ScimSearch;
import io.rollcall.scim.patch.JsonFields;
import io.rollcall.scim.patch.PatchOperation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * {@code /Groups}: the workspace's DYNAMIC groups. Members are loaded only when the response shows them, and changed
 * row by row. A PATCH answers 204 (RFC 7644 section 3.5.2 allows it) unless {@code attributes} asks for a body, so
 * that changing one member of a huge group never renders all of them.
 */
@Path("Groups")
@RequestScoped
@Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public class GroupsResource {

    private static final FilterTranslator TRANSLATOR = new FilterTranslator(ScimResourceSchemas.GROUP);

    private final ScimContext context;
    private final ScimGroupService groups;
    private final ScimSearch search;

    @Inject
    public GroupsResource(ScimContext context, ScimGroupService groups, ScimSearch search) {
        this.context = context;
        this.groups = groups;
        this.search = search;
    }

    /** For CDI proxies only. */
    protected GroupsResource() {
        this(null, null, null);
    }

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("sortBy") String sortBy,
            @QueryParam("sortOrder") String sortOrder, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return list(ListParams.of(filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes,
                cursor), uri);
    }

    @POST
    @Path(".search")
    public Response search(String body, @Context UriInfo uri) {
        return list(ListParams.of(RequestBodies.parse(body)), uri);
    }

    public Response list(ListParams params, UriInfo uri) {
        boolean withMembers = params.projection().keeps("members");
        Page<ScimGroupView> page = groups.list(workspace -> search.search(Group.class, TRANSLATOR,
                (cb, root) -> cb.and(cb.equal(root.get("workspaceId"), workspace),
                        cb.equal(root.get("membershipType"), MembershipType.DYNAMIC)), params.spec()),
                context.caller(), withMembers);
        String base = ScimUris.base(uri);
        return Response.ok(ListResponses.of(params, page.items().stream()
                .map(v -> params.projection().apply(GroupJson.toJson(v, base))).toList(),
                page.items().stream().map(v -> v.group().id()).toList(), page.total()))
                .type(ScimMediaTypes.SCIM_JSON).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context UriInfo uri) {
        Projection projection = Projection.of(attributes, excludedAttributes);
        ScimGroupView view = groups.get(context.caller(), id, projection.keeps("members")
                && (ifNoneMatch == null || ifNoneMatch.isBlank()));
        if (ETags.notModified(ifNoneMatch, view.version())) {
            return Response.notModified(ETags.tag(view.version())).build();
        }
        if (view.members() == null && projection.keeps("members")) {
            view = groups.get(context.caller(), id, true);
        }
        return render(Response.ok(), view, projection, uri);
    }

    @POST
    public Response create(String body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes, @Context UriInfo uri) {
        Projection projection = Projection.of(attributes, excludedAttributes);
        JsonNode document = RequestBodies.parse(body);
        ScimGroupView created = groups.create(context.caller(), GroupJson.draft(document, null),
                GroupJson.memberIds(JsonFields.get(document, "members")));
        return renderWithMembers(Response.status(Response.Status.CREATED), created, projection, uri);
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        JsonNode document = RequestBodies.parse(body);
        String base = ScimUris.base(uri);
        ScimGroupView updated = groups.update(context.caller(), id, ETags.expectedVersion(ifMatch),
                current -> GroupJson.draft(document, GroupJson.toJson(new ScimGroupView(current, null), base)),
                List.of(new MemberChange.ReplaceAll(GroupJson.memberIds(JsonFields.get(document, "members")))));
        return renderWithMembers(Response.ok(), updated, Projection.none(), uri);
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes, @Context UriInfo uri) {
        Projection projection = Projection.of(attributes, excludedAttributes);
        GroupPatchPlan plan = GroupPatchPlan.of(PatchOperation.parseRequest(RequestBodies.parse(body)));
        String base = ScimUris.base(uri);
        ScimGroupView updated = groups.update(context.caller(), id, ETags.expectedVersion(ifMatch),
                plan.attributeOperations().isEmpty() ? null : current -> {
                    ObjectNode before = GroupJson.toJson(new ScimGroupView(current, null), base);
                    ObjectNode document = before.deepCopy();
                    GroupPatchPlan.applyAttributes(document, plan.attributeOperations());
                    try {
                        return GroupJson.draft(document, before);
                    } catch (JsonInput.UnknownAttribute unknown) {
                        throw unknown.asPathProblem();
                    }
                }, plan.memberChanges());
        if (attributes == null && excludedAttributes == null) {
            return Response.noContent().tag(ETags.tag(updated.version()))
                    .location(URI.create(base + "Groups/" + updated.group().id())).build();
        }
        return renderWithMembers(Response.ok(), updated, projection, uri);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        groups.delete(context.caller(), id, ETags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    /** After a write, members are read back (in a new transaction) only when the response shows them. */
    private Response renderWithMembers(Response.ResponseBuilder builder, ScimGroupView view, Projection projection,
            UriInfo uri) {
        ScimGroupView shown = projection.keeps("members")
                ? new ScimGroupView(view.group(), groups.get(context.caller(), view.group().id(), true).members(),
                        view.versionBump())
                : view;
        return render(builder, shown, projection, uri);
    }

    private static Response render(Response.ResponseBuilder builder, ScimGroupView view, Projection projection,
            UriInfo uri) {
        String base = ScimUris.base(uri);
        return builder.entity(projection.apply(GroupJson.toJson(view, base)))
                .type(ScimMediaTypes.SCIM_JSON)
                .tag(ETags.tag(view.version()))
                .location(URI.create(base + "Groups/" + view.group().id()))
                .build();
    }
}
