package dev.polyshop.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.DeadLetters;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.EventSubscriber;
import dev.polyshop.eventstore.client.InMemoryInbox;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.client.Subscription;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.MongoTestResource;
import dev.polyshop.testing.RabbitMqTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
@WithTestResource(RabbitMqTestResource.class)
@WithTestResource(JwtTestResource.class)
class DeadLetterTests {

    @Inject
    RabbitMq rabbit;

    @Inject
    EventStoreClient client;

    @Inject
    EventSubscriber subscriber;

    @Inject
    DeadLetters deadLetters;

    @Test
    void shouldDeadLetterAMalformedAppendRequestAndStillRecordTheNextOne() throws Exception {
        long before = deadLetters.count();

        try (Channel channel = rabbit.channel()) {
            channel.basicPublish("", rabbit.topology().appendQueue(), persistent(),
                    "{not json".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish("", rabbit.topology().appendQueue(), persistent(),
                    "{\"streamId\":\"x\",\"events\":[{\"type\":null}]}".getBytes(StandardCharsets.UTF_8));
        }
        String stream = UUID.randomUUID().toString();
        var result = client.append(AppendRequest.to("order", stream).asNewStream()
                .events(NewEvent.of("OrderPlaced", Map.of())));

        assertThat(result.events()).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.count() >= before + 2);
    }

    @Test
    void shouldDeadLetterAMalformedEventAndGoOnConsuming() throws Exception {
        ConcurrentLinkedQueue<RecordedEvent> handled = new ConcurrentLinkedQueue<>();
        String stream = UUID.randomUUID().toString();
        String streamType = "dl" + stream.substring(0, 8);
        long before = deadLetters.count();
        try (Subscription subscription = subscriber.subscribe("dead-letter-tests." + stream,
                List.of(streamType + ".*"), new InMemoryInbox(100), handled::add)) {
            try (Channel channel = rabbit.channel()) {
                channel.basicPublish(rabbit.topology().eventsExchange(), streamType + ".Noted", persistent(),
                        "garbage".getBytes(StandardCharsets.UTF_8));
            }
            client.append(AppendRequest.to(streamType, stream).asNewStream().events(NewEvent.of("Noted", Map.of())));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(handled).extracting(RecordedEvent::streamId).containsExactly(stream);
                assertThat(deadLetters.count()).isGreaterThanOrEqualTo(before + 1);
            });
        }
    }

    @Test
    void shouldRetryAFailingHandlerAndDeadLetterTheEventPastTheDeliveryLimit() throws Exception {
        String stream = UUID.randomUUID().toString();
        String streamType = "poison" + stream.substring(0, 8);
        ConcurrentLinkedQueue<UUID> attempts = new ConcurrentLinkedQueue<>();
        long before = deadLetters.count();
        try (Subscription subscription = subscriber.subscribe("poison-tests." + stream, List.of(streamType + ".*"),
                new InMemoryInbox(100), event -> {
                    attempts.add(event.id());
                    throw new IllegalStateException("this handler always fails");
                })) {
            client.append(AppendRequest.to(streamType, stream).asNewStream().events(NewEvent.of("Noted", Map.of())));

            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.count() >= before + 1);
            assertThat(attempts).hasSizeGreaterThan(1);
        }
    }

    private static AMQP.BasicProperties persistent() {
        return new AMQP.BasicProperties.Builder().deliveryMode(2).contentType("application/json").build();
    }
}
