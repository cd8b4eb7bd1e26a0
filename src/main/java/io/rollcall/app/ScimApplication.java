package io.rollcall.app;

import io.rollcall.scim.ScimProviders;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * SCIM 2.0 at {@code /scim/v2}. Like the admin API, it lists its classes instead of having them discovered, so that
 * its bearer-token filter and SCIM error mappers apply here and nowhere else.
 */
@ApplicationPath("/scim/v2")
public class ScimApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return MatchedRoute.alongside(ScimProviders.classes());
    }

    /** No WADL: an OPTIONS answer would otherwise describe the server's internals (Jersey version, classes). */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
