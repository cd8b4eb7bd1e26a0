package io.rollcall.infrastructure.ratelimit;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;

/**
 * The only class of this package that touches Hazelcast: Bucket4j's compare-and-swap backend on an {@link IMap} of
 * serialised bucket states ({@code byte[]}). Compare-and-swap rather than Bucket4j's entry processors, because entry
 * processors run inside the grid members' own class loader, which in Payara Micro does not see the application's
 * Bucket4j classes; a {@code byte[]} value needs no class of ours on the member side. The map drops a bucket idle
 * for {@link BucketShapes#IDLE} and keeps at most {@link BucketShapes#MAX_KEYS} per member (least recently used
 * first), like the local buckets.
 */
final class HazelcastBuckets {

    private final ProxyManager<String> buckets;

    private HazelcastBuckets(ProxyManager<String> buckets) {
        this.buckets = buckets;
    }

    static HazelcastBuckets on(Object hazelcastInstance, String mapName) {
        HazelcastInstance instance = (HazelcastInstance) hazelcastInstance;
        if (!instance.getLifecycleService().isRunning()) {
            throw new IllegalStateException("the Hazelcast instance is not running");
        }
        // Dynamic configuration, added by every member alike before the map is first used (identical configs merge).
        instance.getConfig()
                .addMapConfig(new MapConfig(mapName)
                        .setMaxIdleSeconds((int) BucketShapes.IDLE.toSeconds())
                        .setEvictionConfig(new EvictionConfig()
                                .setEvictionPolicy(EvictionPolicy.LRU)
                                .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                                .setSize(BucketShapes.MAX_KEYS)));
        IMap<String, byte[]> map = instance.getMap(mapName);
        return new HazelcastBuckets(Bucket4jHazelcast.casBasedBuilder(map).build());
    }

    /** Takes one token from bucket {@code id}, created full with {@code shape} if new; 0 or nanoseconds to wait. */
    long consume(String id, Bandwidth shape) {
        return BucketShapes.nanosToWait(buckets.builder()
                .build(id, () -> BucketConfiguration.builder().addLimit(shape).build())
                .tryConsumeAndReturnRemaining(1));
    }
}
