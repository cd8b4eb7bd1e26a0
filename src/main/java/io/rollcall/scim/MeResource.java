package io.rollcall.scim;

import io.rollcall.application.scim.ScimProblem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * {@code /Me}: a SCIM token stands for an IdP connector, not for a User, so there is no "me". RFC 7644 section 3.11:
 * a service provider that does not support it answers 501.
 */
@Path("Me")
@RequestScoped
public class MeResource {

    @GET
    public void get() {
        throw notSupported();
    }

    @POST
    public void post() {
        throw notSupported();
    }

    @PUT
    public void put() {
        throw notSupported();
    }

    @PATCH
    public void patch() {
        throw notSupported();
    }

    @DELETE
    public void delete() {
        throw notSupported();
    }

    private static ScimProblem notSupported() {
        return new ScimProblem(501, null, "/Me is not supported: a SCIM token authenticates a connector, not a User");
    }
}
