package io.rollcall.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * Declares Rollcall's connection pool. The concrete driver is picked at run time by {@link ConfiguredDataSource}.
 * Connections are validated on borrow so that a restarted MariaDB (or a Galera fail-over) heals by itself.
 */
@DataSourceDefinition(
        name = PersistenceResources.DATA_SOURCE,
        className = "io.rollcall.infrastructure.persistence.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        initialPoolSize = 2,
        isolationLevel = java.sql.Connection.TRANSACTION_READ_COMMITTED,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true"
        })
public final class PersistenceResources {

    public static final String DATA_SOURCE = "java:app/jdbc/rollcall";

    private PersistenceResources() {}
}
