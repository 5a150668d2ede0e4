package dev.polyshop.testing;

import java.util.Map;

import dev.polyshop.embedded.EmbeddedMongo;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real event store for a service under test: the packaged event-store on an in-memory MongoDB, talking over the real
 * RabbitMQ in a namespace of its own, which the service under test is put in too. Use it instead of
 * {@link RabbitMqTestResource}.
 */
public class EventStoreTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedMongo mongo;
    private QuarkusAppProcess eventStore;

    @Override
    public Map<String, String> start() {
        Map<String, String> rabbit = new RabbitMqTestResource().start();
        mongo = EmbeddedMongo.inMemory("127.0.0.1", 0);
        try {
            eventStore = EventStoreProcess.start(mongo.connectionString(), rabbit.get("polyshop.rabbitmq.namespace"),
                    Map.of(), "event-store-for-" + ProcessHandle.current().pid());
        } catch (Exception e) {
            mongo.close();
            throw new IllegalStateException("could not start the event store for the tests", e);
        }
        return rabbit;
    }

    @Override
    public void stop() {
        try {
            if (eventStore != null) {
                eventStore.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (mongo != null) {
                mongo.close();
            }
        }
    }
}
