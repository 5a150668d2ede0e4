package dev.polyshop.testing;

import java.util.Map;

import dev.polyshop.embedded.EmbeddedMongo;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** An empty in-memory MongoDB stand-in on a random port for each application under test. */
public class MongoTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedMongo mongo;

    @Override
    public Map<String, String> start() {
        mongo = EmbeddedMongo.inMemory("127.0.0.1", 0);
        return Map.of("quarkus.mongodb.connection-string", mongo.connectionString());
    }

    @Override
    public void stop() {
        if (mongo != null) {
            mongo.close();
        }
    }
}
