package io.rollcall.infrastructure.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Payara's own figures for the connection pool behind {@link PersistenceResources#DATA_SOURCE}, read from the
 * server's pool itself: {@code PoolManager#getPool(PoolInfo)}, then {@code ResourcePool#getPoolStatus()} (the same
 * numbers Payara's connection-pool health check reads), {@code ResourcePool#getPoolWaitQueue()} and a
 * {@code PoolLifeCycleListener} for the time each request for a connection took.
 *
 * <p>Payara Micro 6 publishes these classes only in its runtime class loader, not as a compile-time API, and its
 * monitoring of the pool needs AMX, which cannot be switched on at boot: so they are reached by reflection on their
 * public methods, all resolved once in {@link #of(String, String)}. If Payara renames them, {@code of} logs a warning
 * and returns empty (and {@code ConnectionPoolMetricsIT} fails); nothing else in Rollcall depends on this class.
 *
 * <p>The pool behind a {@code @DataSourceDefinition} is named by Payara from the application name and the JNDI name
 * ({@code __SYSTEM/pools/__datasource_definition/ROOT/java:app/jdbc/rollcall} for {@code rollcall.jar}); Payara's own
 * {@code ConnectorsUtil#deriveResourceName} builds it. Thread-safe.
 */
public final class PayaraConnectionPool {

    private static final Logger LOG = Logger.getLogger(PayaraConnectionPool.class.getName());

    /**
     * One reading of the pool.
     *
     * @param active connections handed out now (Payara's {@code numConnUsed})
     * @param idle open connections free in the pool now ({@code numConnFree})
     * @param waiting threads blocked in the pool's wait queue for a connection now
     * @param max the pool's maximum size ({@code maxPoolSize} of the {@code @DataSourceDefinition})
     */
    public record Figures(int active, int idle, int waiting, int max) {}

    private final Object poolManager;
    private final Object poolInfo;
    private final Methods methods;
    private final AtomicReference<Object> listenedPool = new AtomicReference<>();
    private final AtomicBoolean readFailed = new AtomicBoolean();
    private volatile Object listener;

    private PayaraConnectionPool(Object poolManager, Object poolInfo, Methods methods) {
        this.poolManager = poolManager;
        this.poolInfo = poolInfo;
        this.methods = methods;
    }

    /**
     * The pool of one {@code @DataSourceDefinition}.
     *
     * @param applicationName the application's name ({@code java:app/AppName}), e.g. {@code ROOT}
     * @param jndiName the data source's name, e.g. {@code java:app/jdbc/rollcall}
     * @return the pool, or empty (with a warning in the log) when this is not a Payara runtime whose pool classes
     *     Rollcall knows
     */
    public static Optional<PayaraConnectionPool> of(String applicationName, String jndiName) {
        try {
            ClassLoader loader = PayaraConnectionPool.class.getClassLoader();
            Methods methods = new Methods(loader);
            Class<?> resourceType = Class.forName("org.glassfish.deployment.common.JavaEEResourceType", true, loader);
            Object dsdPool = resourceType.getField("DSDPOOL").get(null);
            String poolName =
                    (String) Class.forName("com.sun.appserv.connectors.internal.api.ConnectorsUtil", true, loader)
                            .getMethod("deriveResourceName", String.class, String.class, resourceType)
                            .invoke(null, applicationName, jndiName, dsdPool);
            Object poolInfo = methods.poolInfoType.getConstructor(String.class).newInstance(poolName);
            Class<?> runtimeType = Class.forName("com.sun.enterprise.connectors.ConnectorRuntime", true, loader);
            Object runtime = runtimeType.getMethod("getRuntime").invoke(null);
            Object poolManager = runtimeType.getMethod("getPoolManager").invoke(runtime);
            return Optional.of(new PayaraConnectionPool(poolManager, poolInfo, methods));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "No connection pool figures: Payara's pool classes are not as expected", e);
            return Optional.empty();
        }
    }

    /** Payara's name of the pool, e.g. {@code __SYSTEM/pools/__datasource_definition/ROOT/java:app/jdbc/rollcall}. */
    public String name() {
        return poolInfo.toString();
    }

    /**
     * Calls {@code waitMillis} with the time, in whole milliseconds, that each request for a connection spent in the
     * pool before it was served (queueing for a free connection, validating one, or opening a new one: Payara's
     * {@code connectionRequestServed}), and {@code timedOut} for each request that gave up after the pool's maximum
     * wait. Replaces an earlier call's callbacks. The listener is (re)attached whenever {@link #figures()} finds the
     * pool, so it also follows a pool that Payara re-creates.
     *
     * <p>The pool holds a single listener: if an operator switches on Payara's own monitoring of the pool
     * (monitoring level of {@code jdbc-connection-pool}), Payara's listener takes its place and these callbacks stop;
     * Rollcall's configuration never switches it on.
     */
    public void listen(LongConsumer waitMillis, Runnable timedOut) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "connectionRequestServed" -> {
                waitMillis.accept((Long) args[0]);
                yield null;
            }
            case "connectionTimedOut" -> {
                timedOut.run();
                yield null;
            }
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> args == null ? "Rollcall's wait-time listener" : null;
            default -> null;
        };
        listener = Proxy.newProxyInstance(
                methods.listenerType.getClassLoader(), new Class<?>[] {methods.listenerType}, handler);
        listenedPool.set(null);
        figures();
    }

    /**
     * Reads the pool now.
     *
     * @return the figures, or empty when Payara has not created the pool yet (it does on the first connection) or
     *     reading it failed (logged at WARNING the first time)
     */
    public Optional<Figures> figures() {
        try {
            Object pool = methods.getPool.invoke(poolManager, poolInfo);
            if (pool == null) {
                return Optional.empty();
            }
            attachListener(pool);
            Object status = methods.getPoolStatus.invoke(pool);
            int idle = (Integer) methods.getNumConnFree.invoke(status);
            int active = (Integer) methods.getNumConnUsed.invoke(status);
            int waiting = (Integer) methods.getQueueLength.invoke(methods.getPoolWaitQueue.invoke(pool));
            int max = (Integer) methods.getMaxPoolSize.invoke(pool);
            return Optional.of(new Figures(active, idle, waiting, max));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Once at WARNING, then at FINE: a broken reading would otherwise log at every scrape.
            LOG.log(
                    readFailed.getAndSet(true) ? Level.FINE : Level.WARNING,
                    "Reading connection pool " + poolInfo + " failed",
                    e);
            return Optional.empty();
        }
    }

    private void attachListener(Object pool) throws ReflectiveOperationException {
        Object current = listener;
        if (current != null && listenedPool.getAndSet(pool) != pool) {
            methods.setPoolLifeCycleListener.invoke(pool, current);
        }
    }

    /** The public methods of Payara's pool interfaces that this class calls. */
    private static final class Methods {
        final Class<?> poolInfoType;
        final Class<?> listenerType;
        final Method getPool;
        final Method getPoolStatus;
        final Method getNumConnFree;
        final Method getNumConnUsed;
        final Method getPoolWaitQueue;
        final Method getQueueLength;
        final Method getMaxPoolSize;
        final Method setPoolLifeCycleListener;

        Methods(ClassLoader loader) throws ReflectiveOperationException {
            poolInfoType = Class.forName("org.glassfish.resourcebase.resources.api.PoolInfo", true, loader);
            listenerType = Class.forName("com.sun.enterprise.resource.listener.PoolLifeCycleListener", true, loader);
            Class<?> manager = Class.forName("com.sun.enterprise.resource.pool.PoolManager", true, loader);
            Class<?> pool = Class.forName("com.sun.enterprise.resource.pool.ResourcePool", true, loader);
            Class<?> status = Class.forName("com.sun.enterprise.resource.pool.PoolStatus", true, loader);
            Class<?> queue = Class.forName("com.sun.enterprise.resource.pool.waitqueue.PoolWaitQueue", true, loader);
            getPool = manager.getMethod("getPool", poolInfoType);
            getPoolStatus = pool.getMethod("getPoolStatus");
            getNumConnFree = status.getMethod("getNumConnFree");
            getNumConnUsed = status.getMethod("getNumConnUsed");
            getPoolWaitQueue = pool.getMethod("getPoolWaitQueue");
            getQueueLength = queue.getMethod("getQueueLength");
            getMaxPoolSize = pool.getMethod("getMaxPoolSize");
            setPoolLifeCycleListener = pool.getMethod("setPoolLifeCycleListener", listenerType);
        }
    }
}
