package io.rollcall.infrastructure.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.rollcall.application.ratelimit.RateLimit;
import io.rollcall.application.ratelimit.RateLimitScope;
import io.rollcall.application.ratelimit.RequestBuckets;
import io.rollcall.infrastructure.cluster.PayaraDataGrid;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link RequestBuckets} in force: shared by the whole cluster when this instance runs clustered, in this
 * instance's memory ({@link LocalRequestBuckets}) when standalone. Clustered, the buckets are Bucket4j's own Hazelcast
 * backend on a map ({@value #MAP}) of Payara Micro's data grid (JNDI {@code payara/Hazelcast}), so a caller who drained
 * its bucket on one instance is refused on every other. Hazelcast types stay inside {@link HazelcastBuckets}, so this
 * bean loads where Hazelcast is absent.
 *
 * <p>Rate limits protect capacity, not correctness: if a grid operation fails (a member lost mid-call), that request is
 * counted in the local bucket instead and a warning is logged.
 */
@ApplicationScoped
public class GridRequestBuckets implements RequestBuckets {

    static final String MAP = "rollcall.rate-limit-buckets";
    private static final Logger LOG = Logger.getLogger(GridRequestBuckets.class.getName());

    private final LocalRequestBuckets local;
    private HazelcastBuckets grid;

    @Inject
    public GridRequestBuckets(LocalRequestBuckets local) {
        this.local = local;
    }

    /** For CDI proxies only. */
    protected GridRequestBuckets() {
        this(null);
    }

    @PostConstruct
    void connect() {
        PayaraDataGrid.instance()
                .ifPresentOrElse(
                        instance -> {
                            try {
                                grid = HazelcastBuckets.on(instance, MAP);
                                LOG.info("Rate-limit buckets shared by the cluster in map " + MAP);
                            } catch (RuntimeException | LinkageError e) {
                                LOG.log(
                                        Level.WARNING,
                                        "the data grid is not usable: rate-limit buckets stay in this instance's memory",
                                        e);
                            }
                        },
                        () -> LOG.fine("no data grid: rate-limit buckets stay in this instance's memory"));
    }

    @Override
    public long tryConsume(RateLimitScope scope, String key, RateLimit limit) {
        return consume(BucketShapes.id(scope, key), BucketShapes.of(limit));
    }

    @Override
    public long tryConsume(String name, String key, long permits, Duration window) {
        return consume(BucketShapes.id(name, key), BucketShapes.of(permits, window));
    }

    /** True when the buckets live in the data grid. */
    public boolean shared() {
        return grid != null;
    }

    private long consume(String id, Bandwidth shape) {
        if (grid != null) {
            try {
                return grid.consume(id, shape);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a shared rate-limit bucket could not be reached: counted locally", e);
            }
        }
        return local.consume(id, shape);
    }
}
