package dev.polyshop.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.EventStoreUnavailableException;
import dev.polyshop.eventstore.client.EventSubscriber;
import dev.polyshop.eventstore.client.InMemoryInbox;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RabbitMqConfig;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.testing.EmbeddedStoresProcess;
import dev.polyshop.testing.EventStoreProcess;
import dev.polyshop.testing.QuarkusAppProcess;
import dev.polyshop.testing.RabbitMqProcess;

/**
 * A power cut in the middle of a burst of appends, for real: the MongoDB stand-in's process, the event store's, or a
 * broker of the test's own is killed with SIGKILL while 16 writers append, then started again on the same data. Every append that was answered
 * RECORDED is in the log at its version and position, no version or position is there twice, every other append is
 * there whole or not at all, and positions handed out afterwards are new.
 */
class AppendDurabilityIT {

    private static final int WRITERS = 16;
    private static final Duration APPEND_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path data;

    private RabbitMq rabbit;
    private EventStoreClient client;
    private String namespace;
    private final Map<UUID, RecordedEvent> acknowledged = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<AppendRequest> unanswered = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    @BeforeEach
    void connect() {
        namespace = "durability-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        RabbitMqConfig config = RabbitConfigs.inNamespace(namespace);
        rabbit = new RabbitMq(config, "durability-it");
        client = new EventStoreClient(rabbit, config);
    }

    @AfterEach
    void disconnect() {
        client.close();
        rabbit.close();
    }

    @Test
    void shouldKeepEveryRecordedAppendWhenTheMongoDbStandInIsKilledMidBurst() throws Exception {
        try (EmbeddedStoresProcess stores = EmbeddedStoresProcess.start(data);
                QuarkusAppProcess store = EventStoreProcess.start(stores.mongoConnectionString(), namespace, Map.of(),
                        "event-store-durability-mongo")) {
            burst(() -> stores.kill());
            stores.startAgain();

            assertNothingLost(stores.mongoConnectionString());
        }
    }

    @Test
    void shouldKeepEveryRecordedAppendWhenTheEventStoreIsKilledMidBurst() throws Exception {
        try (EmbeddedStoresProcess stores = EmbeddedStoresProcess.start(data)) {
            QuarkusAppProcess crashing = EventStoreProcess.start(stores.mongoConnectionString(), namespace, Map.of(),
                    "event-store-durability-before-crash");
            burst(crashing::kill);
            try (QuarkusAppProcess restarted = EventStoreProcess.start(stores.mongoConnectionString(), namespace,
                    Map.of(), "event-store-durability-after-crash")) {
                assertNothingLost(stores.mongoConnectionString());
            }
        }
    }

    @Test
    void shouldKeepAndPublishEveryRecordedAppendWhenTheBrokerIsKilledMidBurst() throws Exception {
        assumeTrue(RabbitMqProcess.isInstalled(), "needs the rabbitmq-server package");
        try (RabbitMqProcess broker = RabbitMqProcess.start(data.resolve("rabbitmq"));
                EmbeddedStoresProcess stores = EmbeddedStoresProcess.start(data.resolve("stores"))) {
            disconnect();
            RabbitMqConfig config = RabbitConfigs.inNamespace(namespace, broker.port());
            rabbit = new RabbitMq(config, "durability-it");
            client = new EventStoreClient(rabbit, config);
            Set<UUID> delivered = ConcurrentHashMap.newKeySet();
            EventSubscriber subscriber = new EventSubscriber(rabbit, config);
            subscriber.subscribe("durability-it", List.of("durability.*"), new InMemoryInbox(100_000),
                    event -> delivered.add(event.id()));
            try (QuarkusAppProcess store = EventStoreProcess.start(stores.mongoConnectionString(), namespace,
                    Map.of("POLYSHOP_RABBITMQ_PORT", String.valueOf(broker.port())),
                    "event-store-durability-broker")) {
                burst(broker::kill);
                broker.startAgain();

                assertNothingLost(stores.mongoConnectionString());
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> assertThat(delivered).containsAll(acknowledged.keySet()));
            } finally {
                subscriber.close();
            }
        }
    }

    @Test
    void shouldRecordOnlyTheRetryOfAnAppendWhoseCallerTimedOutWhileTheStoreWasDown() throws Exception {
        try (EmbeddedStoresProcess stores = EmbeddedStoresProcess.start(data)) {
            String stream = UUID.randomUUID().toString();
            AppendRequest first = AppendRequest.to("durability", stream).asNewStream()
                    .events(NewEvent.of("Noted", Map.of("try", 1)));
            assertThatThrownBy(() -> client.append(first, Duration.ofSeconds(1)))
                    .isInstanceOf(EventStoreUnavailableException.class);

            try (QuarkusAppProcess store = EventStoreProcess.start(stores.mongoConnectionString(), namespace,
                    Map.of(), "event-store-durability-deadline")) {
                AppendRequest retry = AppendRequest.to("durability", stream).asNewStream()
                        .events(NewEvent.of("Noted", Map.of("try", 2)));
                client.append(retry, Duration.ofSeconds(30));

                try (MongoClient mongoClient = MongoClients.create(stores.mongoConnectionString())) {
                    List<Document> log = mongoClient.getDatabase("eventstore").getCollection("events")
                            .find(new Document("streamId", stream)).into(new ArrayList<>());
                    assertThat(log).extracting(event -> event.getString("_id"))
                            .containsExactly(retry.events().getFirst().id().toString());
                }
            }
        }
    }

    @FunctionalInterface
    private interface Crash {
        void now() throws Exception;
    }

    /**
     * Each writer appends one or two events at a time to streams of its own, at the versions it expects, until the
     * crash makes its appends fail; the crash comes once every writer has had some appends recorded.
     */
    private void burst(Crash crash) throws Exception {
        AtomicBoolean crashed = new AtomicBoolean();
        AtomicInteger recorded = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> write(writer, crashed, recorded)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> recorded.get() >= WRITERS * 20);
        crash.now();
        crashed.set(true);
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(acknowledged).hasSizeGreaterThan(WRITERS * 20);
    }

    private void write(int writer, AtomicBoolean crashed, AtomicInteger recorded) {
        for (int n = 0;; n++) {
            String stream = "writer-" + writer + "-" + (n % 4);
            long version = versions.getOrDefault(stream, 0L);
            List<NewEvent> events = n % 3 == 0
                    ? List.of(NewEvent.of("Noted", Map.of("n", n)),
                            NewEvent.of("Noted", Map.of("n", n, "second", true)))
                    : List.of(NewEvent.of("Noted", Map.of("n", n)));
            AppendRequest request = AppendRequest.to("durability", stream).expectingVersion(version)
                    .events(events.toArray(NewEvent[]::new));
            try {
                List<RecordedEvent> result = client.append(request, APPEND_TIMEOUT).events();
                result.forEach(event -> acknowledged.put(event.id(), event));
                versions.put(stream, result.getLast().version());
                recorded.incrementAndGet();
            } catch (RuntimeException e) {
                unanswered.add(request);
                if (crashed.get() || unanswered.size() > 1000) {
                    return;
                }
            }
        }
    }

    private void assertNothingLost(String mongo) {
        try (MongoClient mongoClient = MongoClients.create(mongo)) {
            MongoDatabase database = mongoClient.getDatabase("eventstore");
            // Recorded events reach the outbox's subscribers; once it is empty, nothing is on its way any more.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> database.getCollection("outbox").countDocuments() == 0);
            Map<UUID, Document> log = new HashMap<>();
            database.getCollection("events").find().forEach(event -> log.put(UUID.fromString(event.getString("_id")),
                    event));

            assertThat(acknowledged.values()).allSatisfy(event -> {
                Document stored = log.get(event.id());
                assertThat(stored).as("acknowledged event %s", event.id()).isNotNull();
                assertThat(stored.get("version", Number.class).longValue()).isEqualTo(event.version());
                assertThat(stored.get("position", Number.class).longValue()).isEqualTo(event.position());
            });
            assertThat(unanswered).allSatisfy(request -> assertThat(request.events().stream()
                    .filter(event -> log.containsKey(event.id())).count())
                    .as("events of an unanswered append in the log").isIn(0L, (long) request.events().size()));
            List<Long> positions = log.values().stream().map(e -> e.get("position", Number.class).longValue())
                    .toList();
            assertThat(positions).doesNotHaveDuplicates();
            assertContiguousVersions(log);

            long highest = positions.stream().mapToLong(Long::longValue).max().orElseThrow();
            RecordedEvent after = client.append(AppendRequest.to("durability", "after-restart").asNewStream()
                    .events(NewEvent.of("Noted", Map.of())), Duration.ofSeconds(30)).events().getFirst();
            assertThat(after.position()).as("a position handed out after the restart").isGreaterThan(highest);
        }
    }

    private static void assertContiguousVersions(Map<UUID, Document> log) {
        Map<String, Set<Long>> byStream = new HashMap<>();
        log.values().forEach(event -> byStream.computeIfAbsent(event.getString("streamId"), s -> new HashSet<>())
                .add(event.get("version", Number.class).longValue()));
        byStream.forEach((stream, held) -> assertThat(held).as("versions of %s", stream)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, held.size())
                        .boxed().toList()));
    }
}
