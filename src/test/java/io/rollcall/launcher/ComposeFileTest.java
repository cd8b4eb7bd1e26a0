package io.rollcall.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker/compose.yaml} read as compose reads it (anchors and merge keys resolved): two Rollcall instances that
 * form a cluster of exactly each other on a private network, the grid port published nowhere. No container engine
 * runs where the tests run (README, "docker/"), so the launcher's own {@link ClusterSettings} judges the settings.
 */
class ComposeFileTest {

    private static final List<String> INSTANCES = List.of("rollcall-1", "rollcall-2");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("docker/compose.yaml"))) {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void theTwoInstancesFormAClusterOfExactlyEachOtherOnTheirPrivateAddresses() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        List<String> addresses = new ArrayList<>();
        for (String name : INSTANCES) {
            Map<String, Object> service = map(services.get(name));
            Map<String, String> env = new HashMap<>();
            map(service.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
            String address = String.valueOf(
                    map(map(service.get("networks")).get("backend")).get("ipv4_address"));
            addresses.add(address);

            ClusterSettings settings = ClusterSettings.from(env::get);

            assertThat(settings.clustered()).as(name).isTrue();
            assertThat(settings.payaraArguments())
                    .as(name)
                    .containsSequence("--interfaces", address)
                    .containsSequence("--clustername", "rollcall-compose");
            assertThat(env.get("ROLLCALL_DB_URL")).as(name).startsWith("jdbc:mariadb://mariadb:");
        }
        assertThat(addresses).doesNotHaveDuplicates();
        for (String name : INSTANCES) {
            Map<String, Object> env = map(map(services.get(name)).get("environment"));
            assertThat(String.valueOf(env.get("ROLLCALL_CLUSTER_MEMBERS")).split(","))
                    .as(name)
                    .containsExactlyInAnyOrder(
                            addresses.stream().map(a -> a + ":6900").toArray(String[]::new));
        }
    }

    @Test
    void theGridAndTheDatabaseLiveOnlyOnAnInternalNetworkAndOnlyHttpIsPublished() throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> backend = map(map(compose.get("networks")).get("backend"));
        assertThat(backend.get("internal")).isEqualTo(true);
        String subnet = String.valueOf(
                map(((List<?>) map(backend.get("ipam")).get("config")).get(0)).get("subnet"));
        assertThat(subnet).isEqualTo("172.28.0.0/24");

        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> mariadb = map(services.get("mariadb"));
        assertThat(mariadb.get("ports")).isNull();
        assertThat(String.valueOf(mariadb.get("networks"))).isEqualTo("[backend]");
        for (String name : INSTANCES) {
            Map<String, Object> service = map(services.get(name));
            assertThat(String.valueOf(
                            map(map(service.get("networks")).get("backend")).get("ipv4_address")))
                    .as(name)
                    .startsWith("172.28.0.");
            assertThat(service.get("expose")).as(name).isNull();
            for (Object published : (List<?>) service.get("ports")) {
                String port = String.valueOf(published);
                assertThat(port.substring(port.lastIndexOf(':') + 1))
                        .as(name + " publishes " + port)
                        .isEqualTo(
                                String.valueOf(map(service.get("environment")).get("ROLLCALL_PORT")));
            }
        }
    }
}
