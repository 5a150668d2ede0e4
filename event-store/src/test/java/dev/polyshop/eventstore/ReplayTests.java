package dev.polyshop.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.EventReplayer;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.client.ReplayEnd;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.MongoTestResource;
import dev.polyshop.testing.RabbitMqTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
@WithTestResource(RabbitMqTestResource.class)
@WithTestResource(JwtTestResource.class)
class ReplayTests {

    @Inject
    EventStoreClient client;

    @Inject
    EventReplayer replayer;

    @Test
    void shouldReplayEveryEventOfTheChosenTypesInPositionOrderThenTheEndMarker() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String wanted = "wanted" + suffix;
        String other = "other" + suffix;
        List<RecordedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String type = i % 3 == 0 ? other : wanted;
            List<RecordedEvent> events = client.append(AppendRequest.to(type, UUID.randomUUID().toString())
                    .events(NewEvent.of("Noted", Map.of("i", i)), NewEvent.of("Noted", Map.of("i", i)))).events();
            if (type.equals(wanted)) {
                recorded.addAll(events);
            }
        }

        List<RecordedEvent> replayed = new ArrayList<>();
        ReplayEnd end = replayer.replay(List.of(wanted), 0, replayed::add, Duration.ofSeconds(10));

        assertThat(replayed).extracting(RecordedEvent::id)
                .containsExactlyElementsOf(recorded.stream().map(RecordedEvent::id).toList());
        assertThat(replayed).extracting(RecordedEvent::position).isSorted();
        assertThat(end.count()).isEqualTo(recorded.size());
        assertThat(end.lastPosition()).isEqualTo(recorded.getLast().position());
    }

    @Test
    void shouldReplayOnlyWhatCameAfterTheGivenPosition() throws Exception {
        String type = "after" + UUID.randomUUID().toString().substring(0, 8);
        List<RecordedEvent> recorded = client.append(AppendRequest.to(type, UUID.randomUUID().toString()).events(
                NewEvent.of("Noted", Map.of()), NewEvent.of("Noted", Map.of()), NewEvent.of("Noted", Map.of())))
                .events();

        List<RecordedEvent> replayed = new ArrayList<>();
        ReplayEnd end = replayer.replay(List.of(type), recorded.getFirst().position(), replayed::add,
                Duration.ofSeconds(10));

        assertThat(replayed).extracting(RecordedEvent::version).containsExactly(2L, 3L);
        assertThat(end.count()).isEqualTo(2);
    }
}
