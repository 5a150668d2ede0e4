package dev.polyshop.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CustomerRedisTestResource.class)
class HealthTests {

    @Test
    void shouldBeReadyWhenRedisAndRabbitMqAnswerAndTheProjectionIsCurrent() {
        given()
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Redis connection health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rabbitmq' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'customer-projection' }.status", equalTo("UP"));
    }
}
