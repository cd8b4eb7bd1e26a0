package io.rollcall.admin;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import java.util.Set;

/** Everything the admin JAX-RS application consists of. */
public final class AdminProviders {

    private AdminProviders() {}

    public static Set<Class<?>> classes() {
        return Set.of(
                PermissionsResource.class,
                MeResource.class,
                WorkspacesResource.class,
                MembersResource.class,
                InvitesResource.class,
                InviteAcceptResource.class,
                GroupsResource.class,
                RolesResource.class,
                AuthzResource.class,
                ScimTokensResource.class,
                AuditResource.class,
                SsoConnectionResource.class,
                BearerAuthentication.class,
                StrictJson.class,
                StrictJsonBodies.class,
                ExceptionMappers.Domain.class,
                ExceptionMappers.Web.class,
                ExceptionMappers.MalformedJson.class,
                ExceptionMappers.BodyRejected.class,
                ExceptionMappers.MalformedJsonP.class,
                ExceptionMappers.Processing.class,
                ExceptionMappers.OptimisticLock.class,
                ExceptionMappers.Transactional.class,
                ExceptionMappers.Fallback.class);
    }

    /** JSON-B that refuses unknown fields: a misspelt field is an error, not a silently ignored value. */
    public static class StrictJson implements ContextResolver<Jsonb> {

        private static final Jsonb JSONB =
                JsonbBuilder.create(new JsonbConfig().setProperty("jsonb.fail-on-unknown-properties", true));

        @Override
        public Jsonb getContext(Class<?> type) {
            return JSONB;
        }
    }
}
