package io.rollcall.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway before anything else touches the database. EclipseLink never generates
 * DDL; these migrations are the only owner of the schema, the same scripts on H2 and MariaDB.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    static final String MARIADB_TABLE_OPTIONS = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";

    @Resource(lookup = PersistenceResources.DATA_SOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        DatabaseSettings settings = DatabaseSettings.fromConfig();
        MigrateResult result = applyMigrations(dataSource, settings.vendor());
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + settings.vendor() + ", "
                + result.migrationsExecuted + " migrations applied)");
    }

    /** Runs the migrations with this class's loader, so that Flyway finds the scripts inside the WAR. */
    public static MigrateResult applyMigrations(DataSource dataSource, DatabaseSettings.Vendor vendor) {
        String tableOptions = vendor == DatabaseSettings.Vendor.MARIADB ? MARIADB_TABLE_OPTIONS : "";
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("tableOptions", tableOptions))
                .validateMigrationNaming(true)
                .load();
        return flyway.migrate();
    }
}
