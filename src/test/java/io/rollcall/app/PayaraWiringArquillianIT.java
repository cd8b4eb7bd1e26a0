package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.it.Api;
import io.rollcall.it.FreshArquillianDatabase;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WAR as Arquillian deploys it into a plain Payara Micro, on H2 or MariaDB: CDI, JTA, JPA, Flyway, the bootstrap
 * singleton, the admin JAX-RS application and its problem-details mappers wired together. The full behaviour is covered by the ITs
 * against the bundle; this one proves the WAR is a portable Payara Micro deployment.
 */
@ExtendWith({FreshArquillianDatabase.class, ArquillianExtension.class})
@RunAsClient
class PayaraWiringArquillianIT {

    static final String OWNER_TOKEN = "rcp_arquillian-owner-token-0001";

    @Deployment(testable = false)
    static WebArchive rollcall() {
        File war = new File(System.getProperty("rollcall.it.war", "target/ROOT.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    @ArquillianResource
    private URL base;

    private Api api() throws Exception {
        return new Api(URI.create(base.toString()), OWNER_TOKEN);
    }

    @Test
    void bootstrapOwnerCanUseTheAdminApiAndCreateAWorkspace() throws Exception {
        Api api = api();
        assertThat(api.get("/api/v1/me")
                        .json()
                        .get("memberships")
                        .get(0)
                        .get("workspace")
                        .asText())
                .isEqualTo("default");
        Api.Reply created = api.post("/api/v1/workspaces", "{\"id\":\"arq\",\"name\":\"Arquillian\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/workspaces").json().findValuesAsText("id")).contains("default", "arq");
    }

    @Test
    void theContainerRunsOnADatabaseOfThisRun() throws Exception {
        String url = System.getProperty("rollcall.it.arquillian.dbUrl");
        if (!"mariadb".equals(System.getProperty("rollcall.it.db"))) {
            assertThat(url).startsWith("jdbc:h2:mem:"); // new with each JVM
            return;
        }
        String database = FreshArquillianDatabase.database();
        assertThat(database).startsWith("rollcall_it_arq_");
        assertThat(url).endsWith("/" + database);
        // The bootstrap workspace the container created at start-up is in this run's database.
        try (Connection c = DriverManager.getConnection(
                        url,
                        System.getProperty("rollcall.it.mariadb.user", "root"),
                        System.getProperty("rollcall.it.mariadb.password", ""));
                ResultSet rows =
                        c.createStatement().executeQuery("SELECT COUNT(*) FROM workspace WHERE id = 'default'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void errorsAreProblemDetailsAndHealthIsReady() throws Exception {
        Api api = api();
        Api.Reply bad = api.post("/api/v1/workspaces", "{oops");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.as("rcp_nope").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.as(null).get("/health/ready").body()).contains("\"UP\"");
    }
}
