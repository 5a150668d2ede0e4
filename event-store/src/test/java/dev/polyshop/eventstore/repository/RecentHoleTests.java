package dev.polyshop.eventstore.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.polyshop.eventstore.client.RecordedEvent;

class RecentHoleTests {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void shouldEndAPageBeforeAPositionThatIsStillBeingWritten() {
        List<RecordedEvent> page = List.of(at(11, NOW.minusSeconds(1)), at(13, NOW.minusSeconds(1)));

        assertThat(EventRepository.beforeRecentHole(10, page, NOW)).extracting(RecordedEvent::position)
                .containsExactly(11L);
    }

    @Test
    void shouldEndAPageAtOnceWhenItsFirstPositionIsMissing() {
        List<RecordedEvent> page = List.of(at(12, NOW.minusSeconds(1)));

        assertThat(EventRepository.beforeRecentHole(10, page, NOW)).isEmpty();
    }

    @Test
    void shouldPassAHoleLeftLongAgoByAnAppendThatFailed() {
        List<RecordedEvent> page = List.of(at(11, NOW.minusSeconds(60)), at(13, NOW.minusSeconds(60)),
                at(14, NOW.minusSeconds(1)));

        assertThat(EventRepository.beforeRecentHole(10, page, NOW)).extracting(RecordedEvent::position)
                .containsExactly(11L, 13L, 14L);
    }

    private static RecordedEvent at(long position, Instant recordedAt) {
        return new RecordedEvent(UUID.randomUUID(), position, "audit", "s", position, "Noted",
                JsonNodeFactory.instance.objectNode(), "s", null, "test", recordedAt);
    }
}
