package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimUserService;
import io.rollcall.application.scim.ScimUserView;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.shared.Page;
import io.rollcall.scim.filter.FilterTranslator;
import io.rollcall.scim.filter.ScimResourceSchemas;
import io.rollcall.scim.filter.ScimSearch;
import io.rollcall.scim.patch.PatchApplier;
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
import java.util.Set;

/**
 * {@code /Users}. Our own resource rather than SCIMple's UserResourceImpl, whose M1 version ignores If-Match, builds
 * wrong Locations, turns malformed bodies into 500s and silently drops unknown attributes. Thin: parse, call the
 * use case, render.
 */
@Path("Users")
@RequestScoped
@Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public class UsersResource {

    static final PatchApplier PATCHER = new PatchApplier(ScimResourceSchemas.USER_SCHEMA,
            Set.of(UserJson.ENTERPRISE_KEY), UserJson.READ_ONLY);
    private static final FilterTranslator TRANSLATOR = new FilterTranslator(ScimResourceSchemas.USER);

    private final ScimContext context;
    private final ScimUserService users;
    private final ScimSearch search;

    @Inject
    public UsersResource(ScimContext context, ScimUserService users, ScimSearch search) {
        this.context = context;
        this.users = users;
        this.search = search;
    }

    /** For CDI proxies only. */
    protected UsersResource() {
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
        Page<ScimUserView> page = users.list(workspace -> search.search(Member.class, TRANSLATOR,
                (cb, root) -> cb.equal(root.get("workspaceId"), workspace), params.spec()), context.caller());
        String base = ScimUris.base(uri);
        return Response.ok(ListResponses.of(params, page.items().stream()
                .map(v -> params.projection().apply(UserJson.toJson(v, base))).toList(),
                page.items().stream().map(v -> v.member().id()).toList(), page.total()))
                .type(ScimMediaTypes.SCIM_JSON).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context UriInfo uri) {
        Projection projection = Projection.of(attributes, excludedAttributes);
        ScimUserView view = users.get(context.caller(), id);
        long version = view.member().version();
        if (ETags.notModified(ifNoneMatch, version)) {
            return Response.notModified(ETags.tag(version)).build();
        }
        return render(Response.ok(), view, projection, uri);
    }

    @POST
    public Response create(String body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes, @Context UriInfo uri) {
        Projection projection = Projection.of(attributes, excludedAttributes);
        JsonNode document = RequestBodies.parse(body);
        ScimUserView created = users.create(context.caller(), UserJson.fromJson(document, null));
        return render(Response.status(Response.Status.CREATED), created, projection, uri);
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        JsonNode document = RequestBodies.parse(body);
        String base = ScimUris.base(uri);
        ScimUserView updated = users.update(context.caller(), id, ETags.expectedVersion(ifMatch),
                current -> UserJson.fromJson(document, UserJson.toJson(current, base)));
        return render(Response.ok(), updated, Projection.none(), uri);
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes, @Context UriInfo uri) {
        Projection projection = Projection.of(attributes, excludedAttributes);
        java.util.List<PatchOperation> operations = PatchOperation.parseRequest(RequestBodies.parse(body));
        String base = ScimUris.base(uri);
        ScimUserView updated = users.update(context.caller(), id, ETags.expectedVersion(ifMatch), current -> {
            ObjectNode before = UserJson.toJson(current, base);
            ObjectNode document = before.deepCopy();
            PATCHER.apply(document, operations);
            try {
                return UserJson.fromJson(document, before);
            } catch (JsonInput.UnknownAttribute unknown) {
                throw unknown.asPathProblem();
            }
        });
        return render(Response.ok(), updated, projection, uri);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        users.delete(context.caller(), id, ETags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    private static Response render(Response.ResponseBuilder builder, ScimUserView view, Projection projection,
            UriInfo uri) {
        String base = ScimUris.base(uri);
        Member member = view.member();
        return builder.entity(projection.apply(UserJson.toJson(view, base)))
                .type(ScimMediaTypes.SCIM_JSON)
                .tag(ETags.tag(member.version()))
                .location(URI.create(base + "Users/" + member.id()))
                .build();
    }
}
