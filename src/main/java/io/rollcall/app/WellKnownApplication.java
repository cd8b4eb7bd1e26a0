package io.rollcall.app;

import io.rollcall.sso.SsoProviders;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** {@code /.well-known}: the session JWT signing keys. */
@ApplicationPath("/.well-known")
public class WellKnownApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return SsoProviders.wellKnown();
    }
}
