package io.rollcall.application.cluster;

import java.util.function.Consumer;

/** Delivers invalidations to the other instances of the cluster; does nothing on a standalone instance. */
public interface ClusterBroadcast {

    /** Sends to every other member; best effort (the database stays the authority). */
    void publish(Invalidation invalidation);

    /** Registers the receiver of other members' invalidations (once, at start-up). */
    void subscribe(Consumer<Invalidation> receiver);

    /** Whether this instance is part of a cluster. */
    boolean clustered();
}
