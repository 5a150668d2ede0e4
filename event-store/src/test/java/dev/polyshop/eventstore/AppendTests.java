package dev.polyshop.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.polyshop.eventstore.client.AppendRejectedException;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.AppendStatus;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.EventSubscriber;
import dev.polyshop.eventstore.client.InMemoryInbox;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.client.StreamConflictException;
import dev.polyshop.eventstore.client.Subscription;
import dev.polyshop.eventstore.repository.EventRepository;
import dev.polyshop.eventstore.repository.StreamKey;
import dev.polyshop.eventstore.repository.StreamRepository;
import dev.polyshop.eventstore.repository.StreamRepository.Claim;
import dev.polyshop.eventstore.service.AppendService;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.MongoTestResource;
import dev.polyshop.testing.RabbitMqTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
@WithTestResource(RabbitMqTestResource.class)
@WithTestResource(JwtTestResource.class)
class AppendTests {

    @Inject
    EventStoreClient client;

    @Inject
    EventSubscriber subscriber;

    @Inject
    EventRepository events;

    @Inject
    StreamRepository streams;

    @Inject
    AppendService appends;

    @Test
    void shouldRecordExactlyOneOfFiftyConcurrentAppendsAtTheSameExpectedVersion() throws Exception {
        String stream = UUID.randomUUID().toString();
        client.append(AppendRequest.to("order", stream).asNewStream().events(placed()));
        int writers = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    client.append(AppendRequest.to("order", stream).expectingVersion(1)
                            .events(NewEvent.of("OrderApproved", Map.of("total", 10))));
                    return "RECORDED";
                } catch (StreamConflictException e) {
                    return "CONFLICT";
                }
            }));
        }
        start.countDown();
        List<String> answers = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            answers.add(outcome.get());
        }
        pool.shutdown();

        assertThat(answers).filteredOn("RECORDED"::equals).hasSize(1);
        assertThat(answers).filteredOn("CONFLICT"::equals).hasSize(writers - 1);
        assertThat(events.findStream(Optional.of("order"), stream)).extracting(RecordedEvent::version)
                .containsExactly(1L, 2L);
    }

    @Test
    void shouldAnswerDuplicateWithTheOriginalPositionsWhenARequestIsSentTwice() {
        String stream = UUID.randomUUID().toString();
        AppendRequest request = AppendRequest.to("order", stream).asNewStream().events(placed());

        AppendResult first = client.append(request);
        AppendResult second = client.append(request);

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.events()).extracting(RecordedEvent::position)
                .containsExactlyElementsOf(first.events().stream().map(RecordedEvent::position).toList());
        assertThat(events.findStream(Optional.of("order"), stream)).hasSize(1);
    }

    @Test
    void shouldRecordSeveralEventsAtomicallyWithContiguousVersionsAndIncreasingPositions() {
        String stream = UUID.randomUUID().toString();

        AppendResult result = client.append(AppendRequest.to("order", stream).asNewStream()
                .events(placed(), NewEvent.of("OrderApproved", Map.of("total", 10.5)),
                        NewEvent.of("OrderCancelled", Map.of())));

        assertThat(result.events()).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L);
        assertThat(result.events()).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(result.events().get(1).data().get("total").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(events.findStream(Optional.of("order"), stream)).hasSize(3);
    }

    @Test
    void shouldCarryCorrelationAndCausationOfTheEventThatCausedTheAppend() {
        String order = UUID.randomUUID().toString();
        RecordedEvent placed = client.append(AppendRequest.to("order", order).asNewStream().events(placed()))
                .events().getFirst();

        RecordedEvent reserved = client.append(AppendRequest.to("product", UUID.randomUUID().toString())
                .causedBy(placed).events(NewEvent.reactingTo(placed, "StockReserved", Map.of("orderId", order))))
                .events().getFirst();

        assertThat(reserved.correlationId()).isEqualTo(order);
        assertThat(reserved.causationId()).isEqualTo(placed.id().toString());
        assertThat(reserved.producer()).isEqualTo("event-store");
    }

    @Test
    void shouldRejectARequestThatCanNeverBeRecorded() {
        assertThatThrownBy(() -> client.append(AppendRequest.to("Not A Type", "x").events(placed())))
                .isInstanceOf(AppendRejectedException.class)
                .hasMessageContaining("streamType");
    }

    @Test
    void shouldAnswerConflictWhenANewStreamAlreadyExists() {
        String stream = UUID.randomUUID().toString();
        client.append(AppendRequest.to("customer", stream).asNewStream().events(placed()));

        assertThatThrownBy(() -> client.append(AppendRequest.to("customer", stream).asNewStream().events(placed())))
                .isInstanceOfSatisfying(StreamConflictException.class,
                        conflict -> assertThat(conflict.currentVersion()).isEqualTo(1));
    }

    @Test
    void shouldPublishEveryRecordedEventOnTheEventsExchangeUnderItsRoutingKey() throws Exception {
        ConcurrentLinkedQueue<RecordedEvent> received = new ConcurrentLinkedQueue<>();
        String stream = UUID.randomUUID().toString();
        try (Subscription subscription = subscriber.subscribe("append-tests." + stream, List.of("audit.*"),
                new InMemoryInbox(100), received::add)) {
            client.append(AppendRequest.to("audit", stream).asNewStream()
                    .events(NewEvent.of("Noted", Map.of("n", 1)), NewEvent.of("Noted", Map.of("n", 2))));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received)
                    .extracting(RecordedEvent::streamId, RecordedEvent::version)
                    .containsExactlyInAnyOrder(tuple(stream, 1L),
                            tuple(stream, 2L)));
            assertThat(received).allSatisfy(event -> assertThat(event.routingKey()).isEqualTo("audit.Noted"));
        }
    }

    @Test
    void shouldCompleteAnAppendThatWasInterruptedAfterItClaimedItsVersions() {
        String stream = UUID.randomUUID().toString();
        RecordedEvent claimedOnly = new RecordedEvent(UUID.randomUUID(), 0,
                "order", stream, 1, "OrderPlaced", NewEvent.of("OrderPlaced", Map.of()).data(), stream, null,
                "crashed-writer", java.time.Instant.now());
        StreamKey key = new StreamKey("order", stream);
        assertThat(streams.claim(List.of(new Claim(key, 0, List.of(claimedOnly), null)))).isEmpty();

        client.append(AppendRequest.to("order", stream).expectingVersion(1)
                .events(NewEvent.of("OrderApproved", Map.of())));

        assertThat(events.findStream(Optional.of("order"), stream)).extracting(RecordedEvent::type)
                .containsExactly("OrderPlaced", "OrderApproved");
        // The claims an answered batch completed are cleared just after the answer.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !streams.findAll(List.of(key)).get(key).hasPending());
    }

    @Test
    void shouldKeepStreamsOfTwoTypesWithTheSameIdApart() {
        String id = UUID.randomUUID().toString();
        client.append(AppendRequest.to("product", id).asNewStream().events(NewEvent.of("StockReservationFailed",
                Map.of("orderId", id))));

        AppendResult invoice = client.append(AppendRequest.to("invoice", id).asNewStream()
                .events(NewEvent.of("InvoiceIssued", Map.of("orderId", id))));

        assertThat(invoice.events()).extracting(RecordedEvent::version).containsExactly(1L);
        assertThat(events.findStream(Optional.of("invoice"), id)).extracting(RecordedEvent::type)
                .containsExactly("InvoiceIssued");
        assertThat(events.findStream(Optional.empty(), id)).hasSize(2);
    }

    @Test
    void shouldNeverRecordARequestWhoseDeadlineHasPassed() {
        String stream = UUID.randomUUID().toString();
        AppendRequest late = AppendRequest.to("order", stream).asNewStream().events(placed())
                .withDeadline(java.time.Instant.now().minusMillis(1));

        assertThat(appends.append(late).status()).isEqualTo(AppendStatus.EXPIRED);
        assertThat(events.findStream(Optional.of("order"), stream)).isEmpty();
    }

    @Test
    void shouldAnswerDuplicateForARepeatedRequestThatAcceptsAnyVersion() {
        String stream = UUID.randomUUID().toString();
        AppendRequest request = AppendRequest.to("audit", stream).events(NewEvent.of("Noted", Map.of("n", 1)));

        AppendResult first = client.append(request);
        AppendResult second = client.append(request);

        assertThat(second.duplicate()).isTrue();
        assertThat(second.events()).isEqualTo(first.events());
        assertThat(events.findStream(Optional.of("audit"), stream)).hasSize(1);
    }

    @Test
    void shouldGiveConcurrentAppendsToOneStreamContiguousVersions() throws Exception {
        String stream = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<AppendResult>> results = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int n = i;
            results.add(pool.submit(() -> client.append(AppendRequest.to("audit", stream)
                    .events(NewEvent.of("Noted", Map.of("n", n)), NewEvent.of("Noted", Map.of("n", n))))));
        }
        for (Future<AppendResult> result : results) {
            List<RecordedEvent> pair = result.get().events();
            assertThat(pair.get(1).version()).isEqualTo(pair.get(0).version() + 1);
            assertThat(pair.get(1).position()).isGreaterThan(pair.get(0).position());
        }
        pool.shutdown();

        assertThat(events.findStream(Optional.of("audit"), stream)).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 128).boxed().toList());
    }

    private static NewEvent placed() {
        return NewEvent.of("OrderPlaced", Map.of("productId", UUID.randomUUID().toString(), "quantity", 1));
    }
}
