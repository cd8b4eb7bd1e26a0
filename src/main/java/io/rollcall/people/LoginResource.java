package io.rollcall.people;

import io.rollcall.application.signin.EmailSignIn;
import io.rollcall.application.signin.LinkOutcome;
import io.rollcall.application.signin.LinkState;
import io.rollcall.application.signin.SignInLinks;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * E-mail sign-in: {@code GET /login} (the form), {@code POST /login/email} (form or JSON {@code {email, workspace}}:
 * the same answer for every address, 429 with {@code Retry-After} when rate limited), {@code GET /login/link/{token}}
 * (a confirmation button: mail scanners open links, so only the POST uses it) and {@code POST /login/link/{token}}
 * (signs in once and redirects with {@code rollcall_session}).
 */
@Path("/")
public class LoginResource {

    @Inject
    EmailSignIn emailSignIn;

    @Inject
    SignInLinks links;

    @Inject
    BrowserRequests browser;

    @Context
    HttpServletRequest request;

    @GET
    public Response form() {
        return PeoplePages.loginForm(null, 200);
    }

    @POST
    @Path("/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestByForm(
            @FormParam("email") String email, @FormParam("workspace") String workspace, @Context HttpHeaders headers) {
        browser.requireSameOrigin(headers);
        emailSignIn.request(email, workspace, request.getRemoteAddr());
        return PeoplePages.linkSent();
    }

    @POST
    @Path("/email")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response requestByJson(JsonValue body) {
        JsonObject object = body != null && body.getValueType() == JsonValue.ValueType.OBJECT
                ? body.asJsonObject()
                : JsonValue.EMPTY_JSON_OBJECT;
        emailSignIn.request(text(object, "email"), text(object, "workspace"), request.getRemoteAddr());
        return Response.accepted(EmailAnswer.accepted())
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/link/{token}")
    public Response confirm(@PathParam("token") String token) {
        Optional<LinkState> refused = links.check(token);
        return refused.isPresent()
                ? PeoplePages.linkRefused(refused.get())
                : PeoplePages.linkConfirm("/login/link/" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    @POST
    @Path("/link/{token}")
    public Response use(@PathParam("token") String token, @Context HttpHeaders headers) {
        browser.requireSameOrigin(headers);
        LinkOutcome outcome = links.use(token);
        return outcome.ok() ? browser.signedIn(outcome.signedIn()) : PeoplePages.linkRefused(outcome.refused());
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }
}
