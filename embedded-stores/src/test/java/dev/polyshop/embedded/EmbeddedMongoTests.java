package dev.polyshop.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

class EmbeddedMongoTests {

    @Test
    void shouldReportDuplicateKeyOnUniqueCompoundIndex() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory("127.0.0.1", 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = eventsWithUniqueStreamVersion(client);
            events.insertOne(event("order-1", 1));
            events.insertOne(event("order-2", 1));

            assertThatThrownBy(() -> events.insertOne(event("order-1", 1)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(11000);
                        assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                    });
            assertThat(events.countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void shouldBindRandomPortWhenAskedForPortZero() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory("127.0.0.1", 0)) {
            assertThat(mongo.port()).isPositive();
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
        }
    }

    @Test
    void shouldKeepDataAndIndexesAcrossRestartOnFile(@TempDir Path dir) {
        Path file = dir.resolve("data").resolve("mongo.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            eventsWithUniqueStreamVersion(client).insertOne(event("order-1", 1));
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("eventstore").getCollection("events");
            assertThat(events.find(Filters.eq("streamId", "order-1")).first())
                    .containsEntry("version", 1);
            assertThatThrownBy(() -> events.insertOne(event("order-1", 1)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        }
    }

    @Test
    void shouldFailClearlyAndReleaseFileWhenPortIsTaken(@TempDir Path dir) {
        Path file = dir.resolve("mongo.mv");
        try (EmbeddedMongo running = EmbeddedMongo.inMemory("127.0.0.1", 0)) {
            assertThatThrownBy(() -> EmbeddedMongo.onFile(file, "127.0.0.1", running.port()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cannot bind MongoDB to 127.0.0.1:" + running.port());
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, "127.0.0.1", 0)) {
            assertThat(mongo.port()).isPositive();
        }
    }

    private static MongoCollection<Document> eventsWithUniqueStreamVersion(MongoClient client) {
        MongoCollection<Document> events = client.getDatabase("eventstore").getCollection("events");
        events.createIndex(Indexes.ascending("streamId", "version"), new IndexOptions().unique(true));
        return events;
    }

    private static Document event(String streamId, int version) {
        return new Document("streamId", streamId).append("version", version);
    }
}
