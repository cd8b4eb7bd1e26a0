package io.rollcall.infrastructure.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.util.function.Consumer;

/** The only class that touches Hazelcast's API: a topic of strings, skipping this member's own messages. */
final class HazelcastTopic {

    private final ITopic<String> topic;

    private HazelcastTopic(ITopic<String> topic) {
        this.topic = topic;
    }

    static HazelcastTopic join(Object hazelcastInstance, String name) {
        HazelcastInstance instance = (HazelcastInstance) hazelcastInstance;
        if (!instance.getLifecycleService().isRunning()) {
            throw new IllegalStateException("the Hazelcast instance is not running");
        }
        return new HazelcastTopic(instance.getTopic(name));
    }

    void publish(String message) {
        topic.publish(message);
    }

    void listen(Consumer<String> receiver) {
        topic.addMessageListener(message -> {
            if (!message.getPublishingMember().localMember()) {
                receiver.accept(message.getMessageObject());
            }
        });
    }
}
