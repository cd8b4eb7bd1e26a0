package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimSchemaUrns;
import io.rollcall.application.scim.ScimUserService;
import io.rollcall.application.scim.ScimUserView;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.shared.Page;
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
import java.util.List;
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
public class UsersResource extends ScimCollectionResource {

    static final PatchApplier PATCHER =
            new PatchApplier(ScimSchemaUrns.USER, Set.of(UserJson.ENTERPRISE_KEY), UserJson.READ_ONLY);

    private final ScimContext context;
    private final ScimUserService users;

    @Inject
    public UsersResource(ScimContext context, ScimUserService users) {
        this.context = context;
        this.users = users;
    }

    /** For CDI proxies only. */
    protected UsersResource() {
        this(null, null);
    }

    @Override
    public Response list(ListParams params, UriInfo uri) {
        Page<ScimUserView> page = users.list(context.caller(), params.spec());
        String base = ScimUris.base(uri);
        return ScimResponses.list(params, page.items(), page.total(), v -> UserJson.toJson(v, base), v -> v.member()
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
        ScimUserView view = users.get(context.caller(), id);
        long version = view.member().version();
        if (ETags.notModified(ifNoneMatch, version)) {
            return Response.notModified(ETags.tag(version)).build();
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
        ScimUserView created = users.create(context.caller(), UserJson.fromJson(document, null));
        return render(Response.status(Response.Status.CREATED), created, projection, uri);
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
        ScimUserView updated = users.update(
                context.caller(),
                id,
                ETags.expectedVersion(ifMatch),
                current -> UserJson.fromJson(document, UserJson.toJson(current, base)));
        return render(Response.ok(), updated, Projection.none(), uri);
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
        List<PatchOperation> operations = PatchOperation.parseRequest(RequestBodies.parse(body));
        String base = ScimUris.base(uri);
        ScimUserView updated = UnconditionalWrites.retryLostRaces(
                ifMatch,
                () -> users.update(context.caller(), id, ETags.expectedVersion(ifMatch), current -> {
                    ObjectNode before = UserJson.toJson(current, base);
                    ObjectNode document = before.deepCopy();
                    PATCHER.apply(document, operations);
                    try {
                        return UserJson.fromJson(document, before);
                    } catch (JsonInput.UnknownAttribute unknown) {
                        throw unknown.asPathProblem();
                    }
                }));
        return render(Response.ok(), updated, projection, uri);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        users.delete(context.caller(), id, ETags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    private static Response render(
            Response.ResponseBuilder builder, ScimUserView view, Projection projection, UriInfo uri) {
        String base = ScimUris.base(uri);
        Member member = view.member();
        return ScimResponses.resource(
                builder,
                projection.apply(UserJson.toJson(view, base)),
                member.version(),
                URI.create(base + "Users/" + member.id()));
    }
}
