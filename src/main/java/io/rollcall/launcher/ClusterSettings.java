package io.rollcall.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Decides, before Payara Micro boots, whether this instance joins a data grid, and translates Rollcall's cluster
 * settings into Payara Micro's command-line options. Options, not {@code payaramicro.*} system properties: the uber
 * jar's own {@code MICRO-INF/deploy/payaramicro.properties} (written at build time, {@code noHazelcast=false}) wins
 * over system properties, but not over the command line.
 *
 * <p>Standalone is the default: without {@code ROLLCALL_CLUSTER_MEMBERS} or {@code ROLLCALL_CLUSTER_DISCOVERY} Payara's
 * Hazelcast is not started at all ({@code --nohazelcast}), so no data-grid port is opened and no discovery traffic is
 * sent or answered. Payara's own {@code --nocluster} is not enough: it still binds port 6900 on every interface under
 * the grid name {@code development}.
 *
 * <p>Settings (environment variable, or the system property in brackets):
 * <ul>
 * <li>{@code ROLLCALL_CLUSTER_MEMBERS} ({@code rollcall.cluster.members}): comma-separated {@code host:port} list of
 * the grid members, this instance included; TCP/IP join, no multicast.</li>
 * <li>{@code ROLLCALL_CLUSTER_DISCOVERY} ({@code rollcall.cluster.discovery}): instead of a list,
 * {@code dns:<name>:<port>} or {@code kubernetes:<namespace>,<service>}.</li>
 * <li>{@code ROLLCALL_CLUSTER_NAME} ({@code rollcall.cluster.name}, default {@code rollcall}): members with another
 * name never join.</li>
 * <li>{@code ROLLCALL_CLUSTER_INTERFACE} ({@code rollcall.cluster.interface}): the IP address the grid port is bound
 * to; without it Hazelcast listens on every interface.</li>
 * <li>{@code ROLLCALL_CLUSTER_PORT} ({@code rollcall.cluster.port}, default 6900): the grid port.</li>
 * </ul>
 * Embedded H2 is single-instance: cluster settings with an H2 URL (or none, H2 being the default) are refused.
 */
final class ClusterSettings {

    static final String DEFAULT_NAME = "rollcall";
    static final int DEFAULT_PORT = 6900;

    private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9.\\-]+:\\d{1,5}|\\[[0-9A-Fa-f:.]+]:\\d{1,5}");
    private static final Pattern DNS = Pattern.compile("dns:[A-Za-z0-9.\\-]+:\\d{1,5}");
    private static final Pattern KUBERNETES = Pattern.compile("kubernetes:[a-z0-9\\-]+,[a-z0-9\\-]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<String> payaraArguments;
    private final Map<String, String> systemProperties;
    private final List<String> notices;

    private ClusterSettings(List<String> payaraArguments, Map<String, String> systemProperties, List<String> notices) {
        this.payaraArguments = payaraArguments;
        this.systemProperties = systemProperties;
        this.notices = notices;
    }

    /**
     * Reads the settings through {@code setting}, which maps an environment variable name (e.g.
     * {@code ROLLCALL_CLUSTER_MEMBERS}) to its value or {@code null}.
     *
     * @throws IllegalArgumentException when a setting is malformed, both a member list and a discovery are set, or
     *     clustering is asked for on embedded H2
     */
    static ClusterSettings from(Function<String, String> setting) {
        String members = blankToNull(setting.apply("ROLLCALL_CLUSTER_MEMBERS"));
        String discovery = blankToNull(setting.apply("ROLLCALL_CLUSTER_DISCOVERY"));
        List<String> notices = new ArrayList<>();
        if (members == null && discovery == null) {
            return standalone(notices);
        }
        if (members != null && discovery != null) {
            throw new IllegalArgumentException(
                    "set either ROLLCALL_CLUSTER_MEMBERS or ROLLCALL_CLUSTER_DISCOVERY," + " not both");
        }
        String clusterMode = members != null ? "tcpip:" + memberList(members) : discoveryMode(discovery);
        String name = valueOr(setting.apply("ROLLCALL_CLUSTER_NAME"), DEFAULT_NAME);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "ROLLCALL_CLUSTER_NAME must be 1-64 letters, digits, '.', '_' or '-'," + " got: " + name);
        }
        String port = valueOr(setting.apply("ROLLCALL_CLUSTER_PORT"), Integer.toString(DEFAULT_PORT));
        String dbUrl = valueOr(setting.apply("ROLLCALL_DB_URL"), "jdbc:h2:");
        if (dbUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            // Refused rather than ignored: instances that each run on their own H2 behind one load balancer would
            // each accept writes the others never see, and a warning in a start-up log is easily missed.
            throw new IllegalArgumentException("cluster settings given, but the database is embedded H2, which is"
                    + " single-instance: several instances need one shared MariaDB (set ROLLCALL_DB_URL), or unset"
                    + " ROLLCALL_CLUSTER_MEMBERS/ROLLCALL_CLUSTER_DISCOVERY to run one standalone instance");
        }
        port = RollcallLauncher.validPort(port, "ROLLCALL_CLUSTER_PORT");
        List<String> arguments =
                new ArrayList<>(List.of("--clustermode", clusterMode, "--clustername", name, "--startport", port));
        Map<String, String> properties = new LinkedHashMap<>();
        String bindInterface = blankToNull(setting.apply("ROLLCALL_CLUSTER_INTERFACE"));
        if (bindInterface != null) {
            if (!ADDRESS.matcher(bindInterface).matches()) {
                throw new IllegalArgumentException(
                        "ROLLCALL_CLUSTER_INTERFACE must be an IP address, got: " + bindInterface);
            }
            arguments.addAll(List.of("--interfaces", bindInterface));
            // Hazelcast binds to the wildcard address unless told otherwise, whatever interface it announces.
            properties.put("hazelcast.socket.bind.any", "false");
        }
        notices.add("Cluster '" + name + "' (" + clusterMode + "), grid port " + port
                + (bindInterface == null ? " on every interface" : " on " + bindInterface)
                + ": keep this port on a private network (see THREAT_MODEL.md).");
        return new ClusterSettings(List.copyOf(arguments), properties, notices);
    }

    private static ClusterSettings standalone(List<String> notices) {
        return new ClusterSettings(List.of("--nohazelcast"), Map.of(), notices);
    }

    /** Payara Micro command-line options to add to the operator's own. */
    List<String> payaraArguments() {
        return payaraArguments;
    }

    /** Hazelcast system properties to set before boot (those Payara has no option for). */
    Map<String, String> systemProperties() {
        return systemProperties;
    }

    /** Lines to print at start-up: what was decided, and warnings. */
    List<String> notices() {
        return notices;
    }

    boolean clustered() {
        return payaraArguments.contains("--clustermode");
    }

    private static String memberList(String raw) {
        List<String> members = new ArrayList<>();
        for (String part : raw.split(",")) {
            String member = part.trim();
            if (member.isEmpty()) {
                continue;
            }
            if (!MEMBER.matcher(member).matches()) {
                throw new IllegalArgumentException(
                        "ROLLCALL_CLUSTER_MEMBERS must be a comma-separated host:port" + " list, got entry: " + member);
            }
            RollcallLauncher.validPort(member.substring(member.lastIndexOf(':') + 1), "ROLLCALL_CLUSTER_MEMBERS");
            members.add(member);
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("ROLLCALL_CLUSTER_MEMBERS names no member");
        }
        return String.join(",", members);
    }

    private static String discoveryMode(String raw) {
        String value = raw.trim();
        if (DNS.matcher(value).matches() || KUBERNETES.matcher(value).matches()) {
            return value;
        }
        throw new IllegalArgumentException("ROLLCALL_CLUSTER_DISCOVERY must be dns:<name>:<port> or"
                + " kubernetes:<namespace>,<service>, got: " + raw);
    }

    private static String valueOr(String value, String fallback) {
        String v = blankToNull(value);
        return v == null ? fallback : v.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
