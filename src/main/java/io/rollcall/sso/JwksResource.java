package io.rollcall.sso;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.rollcall.application.sso.SessionKeyRing;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /.well-known/jwks.json}: the public session keys that may still verify a session (never private parts). */
@Path("/jwks.json")
public class JwksResource {

    @Inject
    SessionKeyRing keys;

    @GET
    @Produces("application/jwk-set+json")
    public Response jwks() {
        List<JWK> published =
                keys.publishedKeys().stream().map(k -> (JWK) k.toPublicJWK()).toList();
        return Response.ok(new JWKSet(published).toString(true))
                .header(HttpHeaders.CACHE_CONTROL, "max-age=300")
                .build();
    }
}
