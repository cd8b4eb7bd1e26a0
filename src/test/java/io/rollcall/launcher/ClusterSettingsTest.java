package io.rollcall.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static final String MARIADB = "jdbc:mariadb://db:3306/rollcall";

    @Test
    void withoutClusterSettingsHazelcastIsNotStartedAtAll() {
        ClusterSettings settings = ClusterSettings.from(Map.of("ROLLCALL_DB_URL", MARIADB)::get);

        assertThat(settings.clustered()).isFalse();
        assertThat(settings.payaraArguments()).containsExactly("--nohazelcast");
        assertThat(settings.systemProperties()).isEmpty();
        assertThat(settings.notices()).isEmpty();
    }

    @Test
    void aMemberListBecomesATcpIpJoinUnderTheConfiguredNameAndInterface() {
        ClusterSettings settings = ClusterSettings.from(Map.of(
                "ROLLCALL_DB_URL",
                MARIADB,
                "ROLLCALL_CLUSTER_MEMBERS",
                " 10.0.0.1:6900, 10.0.0.2:6901 ,",
                "ROLLCALL_CLUSTER_NAME",
                "prod-eu",
                "ROLLCALL_CLUSTER_INTERFACE",
                "10.0.0.1",
                "ROLLCALL_CLUSTER_PORT",
                "6900")::get);

        assertThat(settings.clustered()).isTrue();
        assertThat(settings.payaraArguments())
                .containsExactly(
                        "--clustermode",
                        "tcpip:10.0.0.1:6900,10.0.0.2:6901",
                        "--clustername",
                        "prod-eu",
                        "--startport",
                        "6900",
                        "--interfaces",
                        "10.0.0.1");
        assertThat(settings.systemProperties()).containsExactly(Map.entry("hazelcast.socket.bind.any", "false"));
    }

    @Test
    void theClusterNameDefaultsToRollcallAndTheGridListensEverywhereWithoutAnInterface() {
        ClusterSettings settings = ClusterSettings.from(
                Map.of("ROLLCALL_DB_URL", MARIADB, "ROLLCALL_CLUSTER_MEMBERS", "a.internal:6900")::get);

        assertThat(settings.payaraArguments())
                .containsExactly(
                        "--clustermode", "tcpip:a.internal:6900", "--clustername", "rollcall", "--startport", "6900");
        assertThat(settings.systemProperties()).isEmpty();
        assertThat(settings.notices()).singleElement().asString().contains("on every interface");
    }

    @Test
    void dnsAndKubernetesDiscoveryPassThrough() {
        assertThat(
                        ClusterSettings.from(Map.of(
                                        "ROLLCALL_DB_URL",
                                        MARIADB,
                                        "ROLLCALL_CLUSTER_DISCOVERY",
                                        "dns:rollcall.internal:6900")::get)
                                .payaraArguments())
                .containsSequence("--clustermode", "dns:rollcall.internal:6900");
        assertThat(
                        ClusterSettings.from(Map.of(
                                        "ROLLCALL_DB_URL",
                                        MARIADB,
                                        "ROLLCALL_CLUSTER_DISCOVERY",
                                        "kubernetes:prod,rollcall")::get)
                                .payaraArguments())
                .containsSequence("--clustermode", "kubernetes:prod,rollcall");
    }

    @Test
    void clusterSettingsOnEmbeddedH2AreRefusedNamingTheDatabaseSetting() {
        assertThatThrownBy(() -> ClusterSettings.from(Map.of("ROLLCALL_CLUSTER_MEMBERS", "10.0.0.1:6900")::get))
                .hasMessageContaining("H2")
                .hasMessageContaining("ROLLCALL_DB_URL");
        assertThatThrownBy(() -> ClusterSettings.from(Map.of(
                        "ROLLCALL_DB_URL",
                        "jdbc:h2:file:/data/rollcall",
                        "ROLLCALL_CLUSTER_DISCOVERY",
                        "dns:rollcall.internal:6900")::get))
                .hasMessageContaining("H2");
        assertThat(ClusterSettings.from(Map.of("ROLLCALL_DB_URL", "jdbc:h2:file:/data/rollcall")::get)
                        .clustered())
                .as("H2 without cluster settings")
                .isFalse();
    }

    @Test
    void malformedSettingsAreRefusedWithTheSettingName() {
        assertThatThrownBy(() -> ClusterSettings.from(
                        Map.of("ROLLCALL_DB_URL", MARIADB, "ROLLCALL_CLUSTER_MEMBERS", "10.0.0.1")::get))
                .hasMessageContaining("ROLLCALL_CLUSTER_MEMBERS");
        assertThatThrownBy(() -> ClusterSettings.from(
                        Map.of("ROLLCALL_DB_URL", MARIADB, "ROLLCALL_CLUSTER_MEMBERS", "10.0.0.1:70000")::get))
                .hasMessageContaining("ROLLCALL_CLUSTER_MEMBERS");
        assertThatThrownBy(() -> ClusterSettings.from(Map.of(
                        "ROLLCALL_DB_URL",
                        MARIADB,
                        "ROLLCALL_CLUSTER_MEMBERS",
                        "a:1",
                        "ROLLCALL_CLUSTER_DISCOVERY",
                        "dns:a:1")::get))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> ClusterSettings.from(Map.of(
                        "ROLLCALL_DB_URL", MARIADB, "ROLLCALL_CLUSTER_DISCOVERY", "multicast:224.2.2.3,54327")::get))
                .hasMessageContaining("ROLLCALL_CLUSTER_DISCOVERY");
        assertThatThrownBy(() -> ClusterSettings.from(Map.of(
                        "ROLLCALL_DB_URL",
                        MARIADB,
                        "ROLLCALL_CLUSTER_MEMBERS",
                        "a:1",
                        "ROLLCALL_CLUSTER_INTERFACE",
                        "eth0; rm")::get))
                .hasMessageContaining("ROLLCALL_CLUSTER_INTERFACE");
        assertThatThrownBy(() -> ClusterSettings.from(Map.of(
                        "ROLLCALL_DB_URL",
                        MARIADB,
                        "ROLLCALL_CLUSTER_MEMBERS",
                        "a:1",
                        "ROLLCALL_CLUSTER_NAME",
                        "has space")::get))
                .hasMessageContaining("ROLLCALL_CLUSTER_NAME");
    }
}
