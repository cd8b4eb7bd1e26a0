package io.rollcall.infrastructure.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bucket4j's Hazelcast backend as Rollcall sets it up, on a real two-member Hazelcast grid in this JVM (the same
 * Hazelcast line as Payara 6's; loopback only, a grid name of its own, no multicast): a bucket drained through one
 * member is empty through the other. The Payara-level version is {@code SeveralInstancesIT}.
 */
class HazelcastBucketsTest {

    private final List<HazelcastInstance> members = new ArrayList<>();

    @AfterEach
    void shutDown() {
        members.forEach(HazelcastInstance::shutdown);
    }

    private HazelcastInstance member(String clusterName, int port, int otherPort) {
        Config config = new Config().setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port).addMember("127.0.0.1:" + otherPort);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        members.add(member);
        return member;
    }

    @Test
    void aBucketDrainedThroughOneMemberIsEmptyThroughTheOther() throws Exception {
        String cluster = "rollcall-test-" + UUID.randomUUID();
        int portA = freePort();
        int portB = freePort();
        HazelcastInstance a = member(cluster, portA, portB);
        HazelcastInstance b = member(cluster, portB, portA);
        assertThat(b.getCluster().getMembers()).hasSize(2);
        HazelcastBuckets onA = HazelcastBuckets.on(a, GridRequestBuckets.MAP);
        HazelcastBuckets onB = HazelcastBuckets.on(b, GridRequestBuckets.MAP);
        var shape = BucketShapes.of(3, Duration.ofMinutes(15));

        for (int i = 0; i < 3; i++) {
            assertThat(onA.consume("signin-address:x@example.com", shape)).isZero();
        }
        long wait = onB.consume("signin-address:x@example.com", shape);

        assertThat(Duration.ofNanos(wait)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(onB.consume("signin-address:y@example.com", shape))
                .as("another key")
                .isZero();
        assertThat(b.getConfig().getMapConfig(GridRequestBuckets.MAP).getMaxIdleSeconds())
                .isEqualTo(600);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
