package dev.polyshop.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The faster unique-index keys keep H2's order, so a file written by the plain H2 backend reads the same. */
class FastKeyIndexTests {

    @Test
    void shouldFindAndStillRefuseKeysOfAFileWrittenByThePlainH2Backend(@TempDir Path dir) {
        Path file = dir.resolve("mongo.mv");
        MongoServer plain = new MongoServer(new H2Backend(MVStore.open(file.toString())));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            MongoCollection<Document> events = client.getDatabase("eventstore").getCollection("events");
            events.createIndex(Indexes.ascending("streamId", "version"), new IndexOptions().unique(true));
            for (int i = 0; i < 2_000; i++) {
                events.insertOne(new Document("_id", "e" + i).append("streamId", "s" + (i % 37)).append("version", i));
            }
        } finally {
            plain.shutdown();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("eventstore").getCollection("events");
            for (int i = 0; i < 2_000; i += 97) {
                assertThat(events.find(new Document("streamId", "s" + (i % 37)).append("version", i)).first())
                        .isNotNull();
            }
            assertThatThrownBy(() -> events.insertOne(new Document("_id", "again").append("streamId", "s5")
                    .append("version", 5))).isInstanceOf(MongoWriteException.class);
            events.insertOne(new Document("_id", "new").append("streamId", "s5").append("version", 2_000));
            assertThat(events.countDocuments(Filters.eq("streamId", "s5"))).isEqualTo(55);
        }
    }
}
