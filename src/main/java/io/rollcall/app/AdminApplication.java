package io.rollcall.app;

import io.rollcall.admin.AdminProviders;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The admin API at {@code /api}. Its resources and providers are listed here rather than discovered, so that its
 * problem-details mappers and bearer authentication never apply to the SCIM application beside it.
 */
@ApplicationPath("/api")
public class AdminApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return AdminProviders.classes();
    }
}
