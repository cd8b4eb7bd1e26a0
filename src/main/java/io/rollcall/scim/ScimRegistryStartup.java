package io.rollcall.scim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.apache.directory.scim.core.repository.RepositoryRegistry;
import org.apache.directory.scim.spec.resources.ScimUser;

/**
 * SCIMple registers schemas when its repository registry is first created; its repository SPI
 * ({@link ScimUserRepository}, {@link ScimGroupRepository}) binds beans through that schema registry. Creating the
 * registry at start-up makes it complete from the first request. (/Schemas and /ResourceTypes no longer read it: they
 * publish {@link PublishedSchemas}.)
 */
@ApplicationScoped
public class ScimRegistryStartup {

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started, RepositoryRegistry registry) {
        registry.getRepository(ScimUser.class);
    }
}
