package dev.polyshop.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/** nginx, the only public entry: the two sites, the API routes only, and its own errors as problem+json. */
class GatewayIT {

    @Test
    void shouldServeTheStorefrontAtTheRoot() {
        given().baseUri(SystemUnderTest.baseUrl())
                .when().get("/")
                .then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<title>Polyshop</title>"));
    }

    @Test
    void shouldServeTheAdminSiteUnderAdmin() {
        given().baseUri(SystemUnderTest.baseUrl())
                .when().get("/admin/")
                .then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<title>Polyshop admin</title>"));
    }

    @Test
    void shouldLetBrowsersKeepTheSitesFilesOnlyIfTheyAskAgain() {
        for (String file : new String[]{"/", "/admin/", "/shared/api.js"}) {
            given().baseUri(SystemUnderTest.baseUrl())
                    .when().get(file)
                    .then().statusCode(200)
                    .header("Cache-Control", equalTo("no-cache"))
                    .header("ETag", startsWith("\""));
        }
    }

    @Test
    void shouldNotPublishTheServicesManagementEndpoints() {
        given().baseUri(SystemUnderTest.baseUrl())
                .when().get("/q/health/ready")
                .then().statusCode(404);
        given().baseUri(SystemUnderTest.baseUrl())
                .when().get("/api/q/health/ready")
                .then().statusCode(404);
    }

    @Test
    void shouldAnswerAnUnknownApiPathWithAProblem() {
        given().baseUri(SystemUnderTest.baseUrl())
                .when().get("/api/no-such-resource")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    void shouldRejectARequestBodyLargerThan64KilobytesWithAProblem() {
        given().baseUri(SystemUnderTest.baseUrl())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + "x".repeat(70 * 1024) + "\"}")
                .when().post("/api/categories")
                .then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(413));
    }
}
