package io.rollcall.scim;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What the SCIM collections {@code /Users} and {@code /Groups} share: a list by {@code GET} with query parameters
 * (RFC 7644 §3.4.2) and the same list by {@code POST /.search} with the parameters in the body (RFC 7644 §3.4.3).
 * Both parse into {@link ListParams} and answer a {@code ListResponse} from {@link #list(ListParams, UriInfo)}.
 */
public abstract class ScimCollectionResource {

    /**
     * {@code GET /Users} or {@code GET /Groups}.
     *
     * @throws io.rollcall.application.scim.ScimProblem 400 {@code invalidFilter} / {@code invalidValue} for a bad filter, sort or paging parameter
     */
    @GET
    public Response list(@BeanParam ListQuery query, @Context UriInfo uri) {
        return list(query.params(), uri);
    }

    /**
     * {@code POST /Users/.search} or {@code POST /Groups/.search}: a {@code SearchRequest} body (RFC 7644 §3.4.3).
     *
     * @throws io.rollcall.application.scim.ScimProblem 400 {@code invalidSyntax} for a body that is not a SearchRequest, as for {@code GET}
     */
    @POST
    @Path(".search")
    public Response search(String body, @Context UriInfo uri) {
        return list(ListParams.of(RequestBodies.parse(body)), uri);
    }

    /**
     * The list for parameters already parsed (also used by the root {@code POST /.search}).
     *
     * @return 200 with a {@code ListResponse} ({@code totalResults}, {@code startIndex}, {@code itemsPerPage},
     *     {@code Resources})
     */
    public abstract Response list(ListParams params, UriInfo uri);
}
