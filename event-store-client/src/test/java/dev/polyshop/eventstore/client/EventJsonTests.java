package dev.polyshop.eventstore.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventJsonTests {

    @Test
    void shouldKeepTheCentsOfAmountsInEventData() {
        NewEvent event = NewEvent.of("CreditSet", Map.of("credit", new BigDecimal("10.00")));

        String json = new String(EventJson.write(event), StandardCharsets.UTF_8);
        RecordedEvent read = EventJson.read(("{\"data\":{\"amount\":7.50}}").getBytes(StandardCharsets.UTF_8),
                RecordedEvent.class);

        assertThat(json).contains("\"credit\":10.00");
        assertThat(read.data().get("amount").decimalValue()).isEqualTo(new BigDecimal("7.50"));
    }

    @Test
    void shouldIgnoreUnknownFieldsOfEventsFromNewerProducers() {
        RecordedEvent read = EventJson.read("{\"id\":\"7f1c2a2e-8b4a-4d8e-9d7e-0d7d3b5f1a11\",\"future\":1}"
                .getBytes(StandardCharsets.UTF_8), RecordedEvent.class);

        assertThat(read.id()).hasToString("7f1c2a2e-8b4a-4d8e-9d7e-0d7d3b5f1a11");
    }

    @Test
    void shouldDeriveTheSameReactionIdFromTheSameCause() {
        UUID cause = UUID.randomUUID();

        assertThat(NewEvent.derivedId(cause, "StockReserved")).isEqualTo(NewEvent.derivedId(cause, "StockReserved"))
                .isNotEqualTo(NewEvent.derivedId(cause, "StockReleased"));
    }
}
