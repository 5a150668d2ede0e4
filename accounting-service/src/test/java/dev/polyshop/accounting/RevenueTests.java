package dev.polyshop.accounting;

import static dev.polyshop.accounting.SagaDriver.asManager;
import static dev.polyshop.accounting.SagaDriver.awaitInvoiceOf;
import static dev.polyshop.accounting.SagaDriver.newCustomer;
import static dev.polyshop.accounting.SagaDriver.revenue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.testing.CouchbaseTestResource;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(CouchbaseTestResource.class)
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class RevenueTests {

    @Inject
    EventStoreClient eventStore;

    @Inject
    RabbitMq rabbit;

    SagaDriver saga;

    @BeforeEach
    void consuming() {
        SagaDriver.awaitConsuming();
        saga = new SagaDriver(eventStore, rabbit);
    }

    @Test
    void shouldAddTheIssuedInvoicesOfTheYearUpByMonth() {
        String customer = newCustomer();
        UUID order = UUID.randomUUID();
        UUID another = UUID.randomUUID();
        saga.approve(order, customer, 2, "19.99");
        saga.approve(another, customer, 1, "0.05");
        Instant issuedAt = Instant.parse((String) awaitInvoiceOf(order).get("issuedAt"));
        awaitInvoiceOf(another);
        int year = issuedAt.atZone(ZoneOffset.UTC).getYear();

        JsonPath revenue = revenue(year);

        assertThat(revenue.getInt("year")).isEqualTo(year);
        assertThat(revenue.getList("months.month", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
                12);
        BigDecimal monthsTotal = revenue.getList("months.total", BigDecimal.class).stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int monthsCount = revenue.getList("months.invoiceCount", Integer.class).stream().mapToInt(i -> i).sum();
        assertThat(monthsTotal).isEqualByComparingTo(revenue.getObject("total", BigDecimal.class));
        assertThat(monthsCount).isEqualTo(revenue.getInt("invoiceCount"));
        assertThat(revenue.getObject("total", BigDecimal.class)).isEqualByComparingTo(issuedTotalOf(year));
        assertThat(revenue.getInt("invoiceCount")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldAnswerTwelveEmptyMonthsForAYearWithoutInvoices() {
        JsonPath revenue = revenue(1999);

        assertThat(revenue.getObject("total", BigDecimal.class)).isEqualByComparingTo("0");
        assertThat(revenue.getInt("invoiceCount")).isZero();
        assertThat(revenue.getList("months")).hasSize(12);
        assertThat(revenue.getList("months.invoiceCount", Integer.class)).containsOnly(0);
    }

    @Test
    void shouldAnswer400ForABadYear() {
        for (String bad : List.of("26", "20261", "0999", "year", "2026.5", "")) {
            asManager().queryParam("year", bad).when().get("/api/revenue")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("year"));
        }
        asManager().when().get("/api/revenue").then().statusCode(400).body("errors[0].field", equalTo("year"));
    }

    /** Revenue by its definition: the ISSUED invoices of the year, as the invoice list shows them. */
    private static BigDecimal issuedTotalOf(int year) {
        List<Map<String, Object>> all = asManager().when().get("/api/invoices")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream()
                .filter(invoice -> "ISSUED".equals(invoice.get("status")))
                .filter(invoice -> Instant.parse((String) invoice.get("issuedAt")).atZone(ZoneOffset.UTC)
                        .getYear() == year)
                .map(invoice -> (BigDecimal) invoice.get("total"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
