package dev.polyshop.eventstore.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import dev.polyshop.embedded.EmbeddedMongo;
import dev.polyshop.eventstore.client.AppendReply;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendStatus;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.repository.EventRepository;
import dev.polyshop.eventstore.repository.EventStoreDatabase;
import dev.polyshop.eventstore.repository.OutboxRepository;
import dev.polyshop.eventstore.repository.PositionSequence;
import dev.polyshop.eventstore.repository.StreamKey;
import dev.polyshop.eventstore.repository.StreamRepository;
import dev.polyshop.eventstore.repository.StreamRepository.Claim;

/**
 * The cost of an append must not grow with the log, so no step of it may scan a collection. The in-process MongoDB
 * records every query it answers without an index (its own index selection, not a guess); every kind of append, in
 * batches, must leave that record empty.
 */
class WritePathIndexTests {

    private EmbeddedMongo mongo;
    private MongoClient client;
    private AppendService appends;
    private StreamRepository streams;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemoryRecordingScans("127.0.0.1", 0);
        client = MongoClients.create(mongo.connectionString());
        EventStoreDatabase database = new EventStoreDatabase(client, "eventstore");
        EventRepository events = new EventRepository(database);
        streams = new StreamRepository(database);
        appends = new AppendService(events, streams, new OutboxRepository(database), new PositionSequence(database));
        events.createIndexes();
        streams.createIndexes();
        for (int i = 0; i < 50; i++) {
            appends.append(AppendRequest.to("audit", "existing-" + i).asNewStream().events(noted(i)));
        }
        mongo.clearScans();
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void shouldAppendInBatchesWithoutScanningAnyCollection() {
        List<AppendRequest> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(AppendRequest.to("audit", "new-" + i).asNewStream().events(noted(i), noted(i + 1)));
            requests.add(AppendRequest.to("audit", "existing-" + i).expectingVersion(1).events(noted(i)));
            requests.add(AppendRequest.to("audit", "any-" + (i % 3)).events(noted(i)));
        }
        AppendBatch batch = new AppendBatch(requests);
        appends.record(batch);

        AppendBatch again = new AppendBatch(requests);
        appends.record(again);

        assertThat(batch.replies()).extracting(AppendReply::status).containsOnly(AppendStatus.RECORDED);
        assertThat(again.replies()).extracting(AppendReply::status)
                .containsOnly(AppendStatus.DUPLICATE);
        assertThat(mongo.scans()).isEmpty();
    }

    @Test
    void shouldDecideConflictsAndDeadlinesWithoutScanningAnyCollection() {
        AppendReply stale = appends.append(AppendRequest.to("audit", "existing-1").expectingVersion(7)
                .events(noted(1)));
        AppendReply late = appends.append(AppendRequest.to("audit", "existing-2").expectingVersion(1)
                .events(noted(2)).withDeadline(Instant.now().minusSeconds(1)));

        assertThat(stale.status()).isEqualTo(AppendStatus.CONFLICT);
        assertThat(late.status()).isEqualTo(AppendStatus.EXPIRED);
        assertThat(mongo.scans()).isEmpty();
    }

    @Test
    void shouldSettleAnInterruptedClaimWithoutScanningAnyCollection() {
        StreamKey key = new StreamKey("audit", "interrupted");
        RecordedEvent claimed = new RecordedEvent(UUID.randomUUID(), 0, "audit", "interrupted", 1, "Noted",
                noted(0).data(), "interrupted", null, "crashed", Instant.now());
        streams.claim(List.of(new Claim(key, 0, List.of(claimed), null)));
        mongo.clearScans();

        AppendReply next = appends.append(AppendRequest.to("audit", "interrupted").expectingVersion(1)
                .events(noted(1)));

        assertThat(next.status()).isEqualTo(AppendStatus.RECORDED);
        assertThat(next.currentVersion()).isEqualTo(2);
        assertThat(mongo.scans()).isEmpty();
    }

    private static NewEvent noted(int n) {
        return NewEvent.of("Noted", Map.of("n", n));
    }
}
