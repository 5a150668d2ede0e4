package dev.polyshop.android.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import dev.polyshop.android.api.Order;

class WordsTests {

    @Test
    void shouldNameEveryReasonOfARejection() {
        assertThat(Words.reason("OUT_OF_STOCK")).isEqualTo("Out of stock");
        assertThat(Words.reason("INSUFFICIENT_CREDIT")).isEqualTo("Not enough credit");
        assertThat(Words.reason("PRODUCT_NOT_FOUND")).isEqualTo("This product is no longer sold");
        assertThat(Words.reason("TIMEOUT")).isEqualTo("The shop did not decide in time");
        assertThat(Words.reason("SOMETHING_NEW")).isEqualTo("something new");
    }

    @Test
    void shouldTellHowFarAPendingOrderGot() {
        assertThat(Words.status(order(Order.PENDING, null, "PENDING", "PENDING"))).isEqualTo(
                "Pending: reserving stock");
        assertThat(Words.status(order(Order.PENDING, null, "RESERVED", "PENDING"))).isEqualTo(
                "Pending: stock reserved, checking credit");
        assertThat(Words.status(order(Order.REJECTED, "INSUFFICIENT_CREDIT", "RELEASED", "DENIED"))).isEqualTo(
                "Rejected: Not enough credit");
        assertThat(Words.status(order(Order.CANCELLED, null, "RELEASED", "RELEASED"))).isEqualTo("Cancelled");
    }

    @Test
    void shouldShowTimesInThePhonesZone() {
        assertThat(Words.time("2026-11-22T10:15:30.123Z", ZoneId.of("Europe/Zurich"))).isEqualTo(
                "22 Nov 2026, 11:15:30");
        assertThat(Words.time(null, ZoneId.of("UTC"))).isEmpty();
    }

    @Test
    void shouldGiveEachStateItsTone() {
        assertThat(Words.tone(order(Order.PENDING, null, "PENDING", "PENDING"))).isEqualTo(Words.Tone.WAITING);
        assertThat(Words.tone(order(Order.APPROVED, null, "RESERVED", "RESERVED"))).isEqualTo(Words.Tone.GOOD);
        assertThat(Words.tone(order(Order.REJECTED, "TIMEOUT", "RELEASED", "PENDING"))).isEqualTo(Words.Tone.BAD);
        assertThat(Words.tone(order(Order.CANCELLED, null, "RELEASED", "RELEASED"))).isEqualTo(Words.Tone.NEUTRAL);
    }

    @Test
    void shouldShowMoneyWithTwoDecimals() {
        assertThat(Words.money(new BigDecimal("10.5"))).isEqualTo("10.50");
        assertThat(Words.money(new BigDecimal("7"))).isEqualTo("7.00");
        assertThat(Words.money(null)).isEmpty();
    }

    private static Order order(String status, String reason, String stock, String credit) {
        return new Order("o", "p", null, 1, null, null, status, reason, stock, credit, null,
                Collections.<Order.OrderStep>emptyList());
    }
}
