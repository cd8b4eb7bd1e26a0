package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.application.scim.MemberChange;
import io.rollcall.application.scim.ScimGroupService;
import io.rollcall.application.scim.ScimGroupView;
import io.rollcall.domain.shared.Page;
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
import java.util.Optional;

/**
 * {@code /Groups}: the workspace's DYNAMIC groups. Members are loaded only when the response shows them, and changed
 * row by row. A PATCH answers 204 (RFC 7644 section 3.5.2 allows it) unless {@code attributes} asks for a body, so
 * that changing one member of a huge group never renders all of them.
 */
@Path("Groups")
@RequestScoped
@Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public class GroupsResource extends ScimCollectionResource {

    private final ScimContext context;
    private final ScimGroupService groups;

    @Inject
    public GroupsResource(ScimContext context, ScimGroupService groups) {
        this.context = context;
        this.groups = groups;
    }

    /** For CDI proxies only. */
    protected GroupsResource() {
        this(null, null);
    }

    @Override
    public Response list(ListParams params, UriInfo uri) {
        Page<ScimGroupView> page =
                groups.list(context.caller(), params.spec(), params.projection().keeps("members"));
        String base = ScimUris.base(uri);
        return ScimResponses.list(params, page.items(), page.total(), v -> GroupJson.toJson(v, base), v -> v.group()
                .id());
    }

    @GET
    @Path("{id}")
    public Response get(
            @PathParam("id") String id,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri) {
        Projection projection = Projection.of(attributes, excludedAttributes);
        ScimGroupView view = groups.get(
                context.caller(), id, projection.keeps("members") && (ifNoneMatch == null || ifNoneMatch.isBlank()));
        if (ETags.notModified(ifNoneMatch, view.version())) {
            return Response.notModified(ETags.tag(view.version())).build();
        }
        if (view.members() == null && projection.keeps("members")) {
            view = groups.get(context.caller(), id, true);
        }
        return render(Response.ok(), view, projection, uri);
    }

    @POST
    public Response create(
            String body,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes,
            @Context UriInfo uri) {
        Projection projection = Projection.of(attributes, excludedAttributes);
        JsonNode document = RequestBodies.parse(body);
        ScimGroupView created = groups.create(
                context.caller(),
                GroupJson.draft(document, null),
                GroupJson.memberIds(JsonFields.get(document, "members")));
        return renderWithMembers(Response.status(Response.Status.CREATED), created, projection, uri);
    }

    @PUT
    @Path("{id}")
    public Response replace(
            @PathParam("id") String id,
            String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context UriInfo uri) {
        JsonNode document = RequestBodies.parse(body);
        String base = ScimUris.base(uri);
        ScimGroupView updated = groups.update(
                context.caller(),
                id,
                ETags.expectedVersion(ifMatch),
                current -> Optional.of(
                        GroupJson.draft(document, GroupJson.toJson(new ScimGroupView(current, null), base))),
                List.of(new MemberChange.ReplaceAll(GroupJson.memberIds(JsonFields.get(document, "members")))));
        return renderWithMembers(Response.ok(), updated, Projection.none(), uri);
    }

    @PATCH
    @Path("{id}")
    public Response patch(
            @PathParam("id") String id,
            String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes,
            @Context UriInfo uri) {
        Projection projection = Projection.of(attributes, excludedAttributes);
        GroupPatchPlan plan = GroupPatchPlan.of(PatchOperation.parseRequest(RequestBodies.parse(body)));
        String base = ScimUris.base(uri);
        ScimGroupView updated = UnconditionalWrites.retryLostRaces(
                ifMatch,
                () -> groups.update(
                        context.caller(),
                        id,
                        ETags.expectedVersion(ifMatch),
                        plan.attributeEdit(base),
                        plan.memberChanges()));
        if (attributes == null && excludedAttributes == null) {
            return Response.noContent()
                    .tag(ETags.tag(updated.version()))
                    .location(URI.create(base + "Groups/" + updated.group().id()))
                    .build();
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
    private Response renderWithMembers(
            Response.ResponseBuilder builder, ScimGroupView view, Projection projection, UriInfo uri) {
        ScimGroupView shown = projection.keeps("members")
                ? new ScimGroupView(
                        view.group(),
                        groups.get(context.caller(), view.group().id(), true).members(),
                        view.versionBump())
                : view;
        return render(builder, shown, projection, uri);
    }

    private static Response render(
            Response.ResponseBuilder builder, ScimGroupView view, Projection projection, UriInfo uri) {
        String base = ScimUris.base(uri);
        return ScimResponses.resource(
                builder,
                projection.apply(GroupJson.toJson(view, base)),
                view.version(),
                URI.create(base + "Groups/" + view.group().id()));
    }
}
