package dev.polyshop.accounting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.polyshop.testing.CouchbaseTestResource;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(CouchbaseTestResource.class)
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class HealthTests {

    @Test
    void shouldBeReadyOnceCouchbaseRabbitMqAndTheConsumersAre() {
        // The SDK bootstraps and the consumers start in the background after startup; readiness turns UP when they have.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Couchbase connection health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Couchbase connection health check' }.data.bucket",
                        equalTo("accounting"))
                .body("checks.find { it.name == 'rabbitmq' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'accounting consumers' }.status", equalTo("UP")));
    }
}
