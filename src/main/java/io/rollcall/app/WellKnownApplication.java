package io.rollcall.app;

import io.rollcall.sso.SsoProviders;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** {@code /.well-known}: the session JWT signing keys. */
@ApplicationPath("/.well-known")
public class WellKnownApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return MatchedRoute.alongside(SsoProviders.wellKnown());
    }

    /** No WADL: an OPTIONS answer would otherwise describe the server's internals (Jersey version, classes). */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
