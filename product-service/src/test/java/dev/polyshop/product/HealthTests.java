package dev.polyshop.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class HealthTests {

    @BeforeEach
    void catalogStarted() {
        Catalog.awaitReady();
    }

    @Test
    void shouldBeReadyWhenMariaDbRabbitMqAndTheCatalogAre() {
        given()
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rabbitmq' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'catalog' }.status", equalTo("UP"));
    }
}
