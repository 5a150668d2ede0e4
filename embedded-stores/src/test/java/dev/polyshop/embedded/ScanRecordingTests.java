package dev.polyshop.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

class ScanRecordingTests {

    private static EmbeddedMongo mongo;
    private static MongoClient client;
    private static MongoCollection<Document> events;

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongo.inMemoryRecordingScans("127.0.0.1", 0);
        client = MongoClients.create(mongo.connectionString());
        events = client.getDatabase("eventstore").getCollection("events");
        events.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void startWithOneEvent() {
        events.deleteMany(Filters.eq("_id", "order-1"));
        events.insertOne(new Document("_id", "order-1").append("version", 1).append("status", "PLACED"));
        mongo.clearScans();
    }

    @Test
    void shouldRecordNothingForFiltersAnIndexHandles() {
        events.find(Filters.eq("_id", "order-1")).first();
        events.find(Filters.in("_id", List.of("order-1", "order-2"))).into(new ArrayList<>());
        events.find(new Document("_id", "order-1").append("version", 1)).first();
        events.updateOne(Filters.eq("_id", "order-1"), Updates.set("status", "PAID"));
        events.findOneAndUpdate(Filters.eq("_id", "order-1"), Updates.inc("version", 1));
        events.deleteOne(Filters.eq("_id", "order-2"));
        events.estimatedDocumentCount();

        assertThat(mongo.scans()).isEmpty();
    }

    @Test
    void shouldRecordAndFilterAndNonIndexedFieldAsScans() {
        events.find(Filters.and(Filters.eq("_id", "order-1"), Filters.eq("version", 1))).first();
        events.updateMany(Filters.eq("status", "PLACED"), Updates.set("status", "PAID"));
        events.find().first();

        assertThat(mongo.scans())
                .extracting(Scan::database, Scan::collection, Scan::command, scan -> scan.filter().keySet())
                .containsExactly(
                        tuple("eventstore", "events", "find", Set.of("$and")),
                        tuple("eventstore", "events", "update", Set.of("status")),
                        tuple("eventstore", "events", "find", Set.of()));
    }

    @Test
    void shouldRecordAggregationAsScanAsTheStandInFeedsItTheWholeCollection() {
        events.countDocuments(Filters.eq("_id", "order-1"));

        assertThat(mongo.scans()).singleElement()
                .satisfies(scan -> assertThat(scan.command()).isEqualTo("aggregate"));
    }

    @Test
    void shouldRefuseToReportScansOnServerThatDoesNotRecordThem() {
        try (EmbeddedMongo plain = EmbeddedMongo.inMemory("127.0.0.1", 0)) {
            assertThatThrownBy(plain::scans).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inMemoryRecordingScans");
        }
    }
}
