package io.rollcall.infrastructure.cluster;

import io.rollcall.application.cluster.ClusterBroadcast;
import io.rollcall.application.cluster.Invalidation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link ClusterBroadcast} on a Hazelcast topic ({@value #TOPIC}) of Payara Micro's data grid, found in JNDI at
 * {@code payara/Hazelcast}. Standalone instances start no Hazelcast (the launcher's {@code --nohazelcast}): then there
 * is nothing to look up and the broadcast does nothing. Hazelcast types stay inside {@link HazelcastTopic}, so this
 * bean loads even where Hazelcast is absent.
 */
@ApplicationScoped
public class HazelcastBroadcast implements ClusterBroadcast {

    static final String TOPIC = "rollcall.invalidations";
    private static final Logger LOG = Logger.getLogger(HazelcastBroadcast.class.getName());

    private HazelcastTopic topic;

    @PostConstruct
    void connect() {
        Object instance = PayaraDataGrid.instance().orElse(null);
        if (instance == null) {
            LOG.fine("no data grid: invalidations stay local");
            return;
        }
        try {
            topic = HazelcastTopic.join(instance, TOPIC);
            LOG.info("Cluster invalidations on topic " + TOPIC);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "the data grid is not usable: invalidations stay local", e);
        }
    }

    @Override
    public void publish(Invalidation invalidation) {
        if (topic != null) {
            try {
                topic.publish(invalidation.encode());
            } catch (RuntimeException e) {
                // The other instances fall back to their trust window; the database has the revocation.
                LOG.log(Level.WARNING, "could not broadcast an invalidation", e);
            }
        }
    }

    @Override
    public void subscribe(Consumer<Invalidation> receiver) {
        if (topic != null) {
            topic.listen(message -> {
                Invalidation invalidation = Invalidation.decode(message);
                if (invalidation != null) {
                    receiver.accept(invalidation);
                }
            });
        }
    }

    @Override
    public boolean clustered() {
        return topic != null;
    }
}
