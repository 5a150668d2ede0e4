package dev.polyshop.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged event store as a process of its own: the real one, not a stand-in, for the services' tests and for
 * tests that kill it and start it again. The reactor builds event-store before the services, so its jar is there.
 */
public final class EventStoreProcess {

    private EventStoreProcess() {
    }

    /**
     * Starts the event store on MongoDB {@code mongo}, in the RabbitMQ namespace {@code namespace}, and waits until it
     * is ready. {@code extraEnvironment} may override anything (e.g. {@code EVENTSTORE_PUBLISHING_ENABLED=false}).
     */
    public static QuarkusAppProcess start(String mongo, String namespace, Map<String, String> extraEnvironment,
            String logName) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_MONGODB_CONNECTION_STRING", mongo);
        environment.put("POLYSHOP_RABBITMQ_NAMESPACE", namespace);
        environment.put("POLYSHOP_RABBITMQ_QUEUE_EXPIRY", "PT10M");
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestKeys.publicKeyFile().toString());
        environment.putAll(extraEnvironment);
        return QuarkusAppProcess.start(jar(), environment, logName);
    }

    /**
     * The packaged event store: {@code polyshop.event-store.jar} if set, else {@code event-store/target/quarkus-app}
     * seen from the working directory or one of its parents (a module's tests run in the module's folder).
     */
    static Path jar() {
        return BuiltJars.find("polyshop.event-store.jar", "event-store/target/quarkus-app/quarkus-run.jar",
                "./mvnw -pl event-store -am install -DskipTests");
    }
}
