package dev.polyshop.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class DurableMongoTests {

    private static final int WRITERS = 16;
    private static final Duration WRITING = Duration.ofMillis(2500);

    @Test
    void shouldKeepEveryAcknowledgedWriteWhenTheProcessIsKilled(@TempDir Path dir) throws InterruptedException {
        Path dataDir = dir.resolve("data");
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try (LauncherProcess launcher = LauncherProcess.start(dataDir)) {
            MongoClient client = MongoClients.create(launcher.mongoConnectionString());
            MongoCollection<Document> events = eventsWithUniqueKey(client).withWriteConcern(WriteConcern.JOURNALED);
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = startWriters(events, acknowledged, stop);
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> System.nanoTime() - start >= WRITING.toNanos() && acknowledged.size() >= 100);

            launcher.kill();
            stop.set(true);
            client.close();
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        try (LauncherProcess launcher = LauncherProcess.start(dataDir);
                MongoClient client = MongoClients.create(launcher.mongoConnectionString())) {
            MongoCollection<Document> events = client.getDatabase("eventstore").getCollection("events");
            Set<String> missing = new HashSet<>(acknowledged);
            events.find().forEach(event -> missing.remove(event.getString("_id")));
            System.out.printf("kill -9: %d acknowledged journaled writes, %d lost%n", acknowledged.size(),
                    missing.size());

            assertThat(missing).as("%d of %d acknowledged writes lost", missing.size(), acknowledged.size()).isEmpty();
            String someKey = "key-" + acknowledged.peek();
            assertThatThrownBy(() -> events.insertOne(new Document("_id", "duplicate").append("key", someKey)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        }
    }

    @Test
    void shouldShowUnjournaledWriteAtOnceAndKeepItAfterCleanClose(@TempDir Path dir) {
        Path file = dir.resolve("mongo.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = eventsWithUniqueKey(client)
                    .withWriteConcern(WriteConcern.W1.withJournal(false));
            events.insertOne(new Document("_id", "e-1").append("key", "key-e-1"));

            assertThat(events.find(Filters.eq("_id", "e-1")).first()).containsEntry("key", "key-e-1");
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("eventstore").getCollection("events");
            assertThat(events.find(Filters.eq("_id", "e-1")).first()).containsEntry("key", "key-e-1");
        }
    }

    @Test
    void shouldAnswerJournaledWriteWithErrorAndRefuseLaterWritesWhenSyncFails() {
        MemoryBackend memory = new MemoryBackend();
        MongoServer server = new MongoServer(GroupCommitBackend.start(memory, new FailingSyncJournal(memory)));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> events = client.getDatabase("eventstore").getCollection("events");

            assertThatThrownBy(() -> events.withWriteConcern(WriteConcern.JOURNALED).insertOne(new Document("_id", 1)))
                    .isInstanceOfSatisfying(MongoWriteConcernException.class,
                            e -> assertThat(e.getCode()).isEqualTo(64));
            assertThatThrownBy(() -> events.withWriteConcern(WriteConcern.W1).insertOne(new Document("_id", 2)))
                    .isInstanceOf(MongoException.class)
                    .hasMessageContaining("writes are refused since a commit to disk failed");
        } finally {
            server.shutdownNow();
        }
    }

    /** What driver 5.x puts on the wire for JOURNALED, W1.withJournal(false), MAJORITY and ACKNOWLEDGED. */
    @Test
    void shouldWaitForTheJournalOnlyWhenTheWriteConcernAsksForIt() {
        assertThat(GroupCommitBackend.isJournaled(insertWith(new de.bwaldvogel.mongo.bson.Document("j", true))))
                .isTrue();
        assertThat(GroupCommitBackend.isJournaled(insertWith(new de.bwaldvogel.mongo.bson.Document("w", "majority"))))
                .isTrue();
        assertThat(GroupCommitBackend.isJournaled(
                insertWith(new de.bwaldvogel.mongo.bson.Document("w", 1).append("j", false)))).isFalse();
        assertThat(GroupCommitBackend.isJournaled(new de.bwaldvogel.mongo.bson.Document("insert", "events"))).isFalse();
    }

    private static de.bwaldvogel.mongo.bson.Document insertWith(de.bwaldvogel.mongo.bson.Document writeConcern) {
        return new de.bwaldvogel.mongo.bson.Document("insert", "events").append("writeConcern", writeConcern);
    }

    private static ExecutorService startWriters(MongoCollection<Document> events, Queue<String> acknowledged,
            AtomicBoolean stop) {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int writer = 0; writer < WRITERS; writer++) {
            String prefix = "w" + writer + "-";
            writers.execute(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String id = prefix + i;
                    try {
                        events.insertOne(new Document("_id", id).append("key", "key-" + id));
                    } catch (RuntimeException e) {
                        // The server was killed: this write was never acknowledged.
                        return;
                    }
                    acknowledged.add(id);
                }
            });
        }
        return writers;
    }

    private static MongoCollection<Document> eventsWithUniqueKey(MongoClient client) {
        MongoCollection<Document> events = client.getDatabase("eventstore").getCollection("events");
        events.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
        return events;
    }

    /** A disk whose fsync fails, as a full or failing one does, once there is something to sync. */
    private static final class FailingSyncJournal implements Journal {

        private final MongoBackend backend;

        FailingSyncJournal(MongoBackend backend) {
            this.backend = backend;
        }

        /** The committer also commits once a second; before the test's insert there must be nothing to sync. */
        @Override
        public boolean commit() {
            de.bwaldvogel.mongo.MongoCollection<?> events = backend.resolveDatabase("eventstore")
                    .resolveCollection("events", false);
            return events != null && events.count() > 0;
        }

        @Override
        public void sync() {
            throw new IllegalStateException("No space left on device");
        }

        @Override
        public <T> T read(Supplier<T> read) {
            return read.get();
        }

        @Override
        public void compact() {
        }
    }
}
