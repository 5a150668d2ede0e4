package dev.polyshop.product;

import static dev.polyshop.product.Catalog.asManager;
import static dev.polyshop.product.Catalog.createCategory;
import static dev.polyshop.product.Catalog.product;
import static dev.polyshop.product.Catalog.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.product.event.CategoryEvents;
import dev.polyshop.product.event.CategoryEvents.NameClaimed;
import dev.polyshop.product.service.CategoryNames;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Category names are decided by the event store, across two streams; what a crash between the two appends leaves
 * behind is finished or undone by whoever needs the name next, and concurrent changes cannot break the rules.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class CategoryNameTests {

    @Inject
    EventStoreClient eventStore;

    @BeforeEach
    void catalogStarted() {
        Catalog.awaitReady();
    }

    @Test
    void shouldFinishACreationInterruptedAfterItsNameWasClaimed() {
        String name = unique("Half created");
        String categoryId = UUID.randomUUID().toString();
        claimAsACrashedRequestWould(name, categoryId, 0);

        asManager().body(Map.of("name", name)).post("/api/categories").then().statusCode(409);

        given().get("/api/categories/" + categoryId).then().statusCode(200).body("name", equalTo(name));
    }

    @Test
    void shouldReleaseANameWhoseRenameCanNoLongerHappen() {
        String categoryId = createCategory(unique("Renamed since"));
        asManager().body(Map.of("name", unique("Renamed again"))).put("/api/categories/" + categoryId)
                .then().statusCode(200);
        String name = unique("Abandoned");
        claimAsACrashedRequestWould(name, categoryId, 1);

        String winner = asManager().body(Map.of("name", name)).post("/api/categories")
                .then().statusCode(201).extract().path("id");

        assertThat(winner).isNotEqualTo(categoryId);
        given().get("/api/categories/" + categoryId).then().statusCode(200)
                .body("name", startsWith("Renamed again"));
    }

    @Test
    void shouldLetOneOfTwoCategoriesRenamedToOneNameAtOnceHaveIt() throws Exception {
        String name = unique("Wanted");
        List<String> ids = List.of(createCategory(unique("First")), createCategory(unique("Second")));

        List<Integer> statuses = concurrently(ids.stream()
                .<Callable<Integer>>map(id -> () -> asManager().body(Map.of("name", name))
                        .put("/api/categories/" + id).then().extract().statusCode())
                .toList());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        List<String> named = given().get("/api/categories").then().extract().jsonPath()
                .getList("findAll { it.name == '" + name + "' }.id", String.class);
        assertThat(named).hasSize(1);
        String loser = ids.stream().filter(id -> !named.contains(id)).findFirst().orElseThrow();
        String loserName = given().get("/api/categories/" + loser).then().extract().path("name");
        assertThat(createCategoryStatus(loserName)).as("the loser keeps its name").isEqualTo(409);
    }

    @Test
    void shouldNeverLeaveAProductInACategoryDeletedAtTheSameTime() throws Exception {
        for (int round = 0; round < 8; round++) {
            String categoryId = createCategory(unique("Racing"));
            List<Integer> statuses = concurrently(List.of(
                    () -> asManager().body(product(categoryId, "Racer", "1", 1)).post("/api/products")
                            .then().extract().statusCode(),
                    () -> asManager().delete("/api/categories/" + categoryId).then().extract().statusCode()));

            int created = statuses.get(0);
            int deleted = statuses.get(1);
            if (deleted == 204) {
                assertThat(created).isEqualTo(400);
                given().get("/api/products?categoryId=" + categoryId).then().body("size()", equalTo(0));
            } else {
                assertThat(List.of(created, deleted)).containsExactly(201, 409);
                given().get("/api/categories/" + categoryId).then().statusCode(200).body("productCount", equalTo(1));
            }
        }
    }

    /** CategoryNameClaimed alone, as a request that crashed before its category's own event would leave it. */
    private void claimAsACrashedRequestWould(String name, String categoryId, long categoryVersion) {
        String stream = CategoryNames.streamId(CategoryNames.key(name));
        eventStore.append(AppendRequest.to(CategoryEvents.NAME_STREAM_TYPE, stream).asNewStream()
                .events(NewEvent.of(CategoryEvents.NAME_CLAIMED,
                        new NameClaimed(name, categoryId, categoryVersion, null))));
    }

    private static int createCategoryStatus(String name) {
        return asManager().body(Map.of("name", name)).post("/api/categories").then().extract().statusCode();
    }

    private static List<Integer> concurrently(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
