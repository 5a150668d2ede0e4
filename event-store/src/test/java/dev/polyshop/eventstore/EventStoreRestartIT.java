package dev.polyshop.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import dev.polyshop.embedded.EmbeddedMongo;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.EventSubscriber;
import dev.polyshop.eventstore.client.InMemoryInbox;
import dev.polyshop.eventstore.client.Inbox;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RabbitMqConfig;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.testing.EventStoreProcess;
import dev.polyshop.testing.QuarkusAppProcess;

/**
 * The crash between recording and publishing, for real: a packaged event store that records but does not publish is
 * killed, a new one starts on the same database, and every recorded event reaches the subscriber.
 */
class EventStoreRestartIT {

    @Test
    void shouldPublishAfterARestartEveryEventRecordedButNotPublishedBeforeTheCrash() throws Exception {
        String namespace = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        RabbitMqConfig config = RabbitConfigs.inNamespace(namespace);
        RabbitMq rabbit = new RabbitMq(config, "restart-it");
        EventStoreClient client = new EventStoreClient(rabbit, config);
        EventSubscriber subscriber = new EventSubscriber(rabbit, config);

        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory("127.0.0.1", 0);
                MongoClient database = MongoClients.create(mongo.connectionString())) {
            AtomicInteger deliveries = new AtomicInteger();
            ConcurrentMap<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();
            InMemoryInbox inbox = new InMemoryInbox(1000);
            Inbox countingInbox = (event, handler) -> {
                deliveries.incrementAndGet();
                return inbox.processOnce(event, handler);
            };
            subscriber.subscribe("restart-it", List.of("restart.*"), countingInbox, event -> handled
                    .computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet());

            List<RecordedEvent> recorded = new ArrayList<>();
            QuarkusAppProcess crashing = EventStoreProcess.start(mongo.connectionString(), namespace,
                    Map.of("EVENTSTORE_PUBLISHING_ENABLED", "false"), "event-store-before-crash");
            for (int i = 0; i < 20; i++) {
                recorded.addAll(client.append(AppendRequest.to("restart", "stream-" + (i % 5))
                        .events(NewEvent.of("Noted", Map.of("i", i)))).events());
            }
            long waitingInOutbox = database.getDatabase("eventstore").getCollection("outbox").countDocuments();
            crashing.kill();

            assertThat(waitingInOutbox).isEqualTo(20);
            assertThat(handled).isEmpty();

            try (QuarkusAppProcess restarted = EventStoreProcess.start(mongo.connectionString(), namespace, Map.of(),
                    "event-store-after-crash")) {
                Set<UUID> ids = Set.copyOf(recorded.stream().map(RecordedEvent::id).toList());
                await().atMost(Duration.ofSeconds(30)).until(() -> handled.keySet().containsAll(ids));
                redeliver(rabbit, recorded.subList(0, 5));

                await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.get() >= 25);
                assertThat(handled).hasSize(20);
                assertThat(handled.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
                await().atMost(Duration.ofSeconds(10)).until(
                        () -> database.getDatabase("eventstore").getCollection("outbox").countDocuments() == 0);
            }
        } finally {
            subscriber.close();
            rabbit.close();
        }
    }

    /** Publishes copies of events already published, as a broker redelivering after a lost acknowledgement would. */
    private static void redeliver(RabbitMq rabbit, List<RecordedEvent> events) throws Exception {
        try (Channel channel = rabbit.channel()) {
            for (RecordedEvent event : events) {
                channel.basicPublish(rabbit.topology().eventsExchange(), event.routingKey(),
                        new AMQP.BasicProperties.Builder().deliveryMode(2).build(), EventJson.write(event));
            }
        }
    }
}
