package io.rollcall.infrastructure.metrics;

import io.rollcall.infrastructure.persistence.PayaraConnectionPool;
import io.rollcall.infrastructure.persistence.PayaraConnectionPool.Figures;
import io.rollcall.infrastructure.persistence.PersistenceResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Rollcall's connection pool (Payara's pool behind {@link PersistenceResources#DATA_SOURCE}) in the application
 * registry, read from Payara's pool at each scrape ({@link PayaraConnectionPool}): the gauges
 * {@code rollcall_db_pool_connections{state="active"|"idle"}}, {@code rollcall_db_pool_connections_max} and
 * {@code rollcall_db_pool_waiting}, the histogram {@code rollcall_db_pool_wait_seconds} (time each request for a
 * connection spent in the pool, whole milliseconds) and the counter {@code rollcall_db_pool_wait_timeouts_total}. A
 * gauge reads {@code NaN} while Payara has no such pool. When the pool cannot be found at start-up the series are
 * not registered and a warning says why.
 */
@ApplicationScoped
public class ConnectionPoolMetrics {

    private static final Logger LOG = Logger.getLogger(ConnectionPoolMetrics.class.getName());

    private static final Metadata CONNECTIONS = Metadata.builder()
            .withName(MetricNames.DB_POOL_CONNECTIONS)
            .withDescription("Connections of the database pool: active (handed out now) and idle (open, free)")
            .build();
    private static final Metadata CONNECTIONS_MAX = Metadata.builder()
            .withName(MetricNames.DB_POOL_CONNECTIONS_MAX)
            .withDescription("The database pool's maximum size")
            .build();
    private static final Metadata WAITING = Metadata.builder()
            .withName(MetricNames.DB_POOL_WAITING)
            .withDescription("Threads waiting now for a connection from the database pool")
            .build();
    private static final Metadata WAIT = Metadata.builder()
            .withName(MetricNames.DB_POOL_WAIT)
            .withDescription("Time each request for a database connection spent in the pool (queueing, validating or"
                    + " opening one), in seconds (Payara measures whole milliseconds)")
            .withUnit(MetricUnits.SECONDS)
            .build();
    private static final Metadata WAIT_TIMEOUTS = Metadata.builder()
            .withName(MetricNames.DB_POOL_WAIT_TIMEOUTS)
            .withDescription("Requests for a database connection that gave up after the pool's maximum wait")
            .build();

    private final MetricRegistry registry;

    @Inject
    public ConnectionPoolMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** For CDI proxies only. */
    protected ConnectionPoolMetrics() {
        this(null);
    }

    /** Finds the pool and registers its series when the application starts. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        String application;
        try {
            application = InitialContext.doLookup("java:app/AppName");
        } catch (NamingException e) {
            LOG.warning("No connection pool figures: the application name is unknown (" + e + ")");
            return;
        }
        PayaraConnectionPool.of(application, PersistenceResources.DATA_SOURCE).ifPresent(this::register);
    }

    private void register(PayaraConnectionPool pool) {
        if (pool.figures().isEmpty()) {
            // SchemaMigrator (@Startup) has used the pool by now: it exists unless Payara names it differently.
            LOG.warning("No connection pool figures: Payara has no pool " + pool.name());
            return;
        }
        Timer wait = registry.timer(WAIT);
        Counter timeouts = registry.counter(WAIT_TIMEOUTS);
        pool.listen(millis -> wait.update(Duration.ofMillis(millis)), timeouts::inc);
        gauge(CONNECTIONS, pool, Figures::active, new Tag("state", "active"));
        gauge(CONNECTIONS, pool, Figures::idle, new Tag("state", "idle"));
        gauge(CONNECTIONS_MAX, pool, Figures::max);
        gauge(WAITING, pool, Figures::waiting);
    }

    private void gauge(Metadata metadata, PayaraConnectionPool pool, ToIntFunction<Figures> figure, Tag... tags) {
        registry.gauge(
                metadata,
                pool,
                p -> p.figures().map(f -> (double) figure.applyAsInt(f)).orElse(Double.NaN),
                tags);
    }
}
