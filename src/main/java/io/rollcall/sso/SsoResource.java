package io.rollcall.sso;

import io.rollcall.application.sso.SsoLogin;
import io.rollcall.config.RollcallConfig;
import io.rollcall.config.SsoSettings;
import io.rollcall.domain.sso.SsoConnection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /sso/{ws}/login}, {@code saml/metadata}, {@code saml/acs}, {@code oidc/callback}. */
@Path("/{ws}")
public class SsoResource {

    @Inject
    SsoLogin login;

    @Inject
    RollcallConfig config;

    @Inject
    SsoSettings settings;

    @GET
    @Path("/login")
    public Response login(@PathParam("ws") String ws, @QueryParam("returnUrl") String returnUrl) {
        SsoLogin.Started started = login.start(ws, returnUrl);
        boolean saml = started.protocol() == SsoConnection.Type.SAML;
        return Response.seeOther(started.location())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(
                        "Set-Cookie",
                        Cookies.loginState(
                                config.publicUrl(), ws, started.stateCookie(), settings.loginTimeout(), saml))
                .build();
    }

    @GET
    @Path("/saml/metadata")
    @Produces("application/samlmetadata+xml")
    public Response metadata(@PathParam("ws") String ws) {
        return Response.ok(login.spMetadata(ws)).build();
    }

    @POST
    @Path("/saml/acs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acs(
            @PathParam("ws") String ws,
            @FormParam("SAMLResponse") String samlResponse,
            @CookieParam(Cookies.STATE) String state) {
        return finished(ws, login.finishSaml(ws, state, samlResponse));
    }

    @GET
    @Path("/oidc/callback")
    public Response callback(
            @PathParam("ws") String ws,
            @QueryParam("state") String stateParam,
            @QueryParam("code") String code,
            @QueryParam("error") String error,
            @CookieParam(Cookies.STATE) String state) {
        return finished(ws, login.finishOidc(ws, state, stateParam, code, error));
    }

    private Response finished(String ws, SsoLogin.Finished done) {
        URI target = config.publicUrl().resolve(done.returnUrl());
        return Response.seeOther(target)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Set-Cookie", Cookies.session(config.publicUrl(), done.session(), done.lifetime()))
                .header("Set-Cookie", Cookies.clearLoginState(config.publicUrl(), ws))
                .build();
    }
}
