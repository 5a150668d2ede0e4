package dev.polyshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.polyshop.systemtests.BrowserExtension.PhoneScreen;

/**
 * Every page of both sites in Chromium: protected pages send visitors to the login form, and no page logs a
 * JavaScript error (BrowserExtension fails a test on any).
 */
@Tag("browser")
@ExtendWith(BrowserExtension.class)
class PagesBrowserIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldSendUnauthenticatedVisitsOfProtectedPagesToTheLoginFormAndBackAfterLoggingIn(Browser browser) {
        String someId = UUID.randomUUID().toString();
        List<String> storefront = List.of("/#/orders", "/#/orders/" + someId, "/#/invoices", "/#/invoices/" + someId,
                "/#/profile");
        List<String> admin = List.of("/admin/#/", "/admin/#/categories", "/admin/#/products", "/admin/#/products/new",
                "/admin/#/products/" + someId + "/edit", "/admin/#/customers", "/admin/#/orders",
                "/admin/#/orders/" + someId, "/admin/#/invoices", "/admin/#/events", "/admin/#/trace/" + someId);

        for (String page : storefront) {
            assertLeadsToTheLoginForm(browser, page);
        }
        for (String page : admin) {
            assertLeadsToTheLoginForm(browser, page);
        }
        String username = "back_" + suffix;
        ShopApi.shopper(username);
        browser.open("/#/profile");
        new Storefront(browser).logInHere(username, ShopApi.PASSWORD);
        assertThat(browser.value("#profile-form [name=fullName]")).isEqualTo("Shopper " + username);
        assertThat(browser.text("#credit")).isEqualTo("€100.00");
        browser.open("/admin/#/customers");
        new AdminSite(browser).logInHere(System.getProperty("polyshop.manager.username", "admin"),
                System.getProperty("polyshop.manager.password", "admin"));
        browser.await("#customers");
    }

    @Test
    @PhoneScreen
    void shouldShowEveryStorefrontPageWithoutAJavaScriptError(Browser browser) {
        String manager = ShopApi.manager();
        String category = ShopApi.category(manager, "Pages " + suffix);
        String product = ShopApi.product(manager, category, "Page turner " + suffix, "3.10", 9);
        String username = "pages_" + suffix;
        String shopper = ShopApi.shopper(username);
        String order = ShopApi.placeOrder(shopper, product, 1).then().statusCode(202).extract().path("id");
        String invoice = awaitInvoice(shopper, order);

        List<String> visitorPages = List.of("/#/", "/#/category/" + category, "/#/search?q=page%20turner",
                "/#/product/" + product, "/#/login", "/#/register");
        List<String> shopperPages = List.of("/#/", "/#/product/" + product, "/#/orders", "/#/orders/" + order,
                "/#/invoices", "/#/invoices/" + invoice, "/#/profile");
        for (String page : visitorPages) {
            assertShows(browser, page);
        }
        new Storefront(browser).logIn(username, ShopApi.PASSWORD);
        for (String page : shopperPages) {
            assertShows(browser, page);
        }
        assertNotFound(browser, "/#/no-such-page");
        browser.expectFailedRequests(404);
        assertNotFound(browser, "/#/product/" + UUID.randomUUID());
    }

    @Test
    void shouldShowEveryAdminPageWithoutAJavaScriptError(Browser browser) {
        String manager = ShopApi.manager();
        String category = ShopApi.category(manager, "Admin pages " + suffix);
        String product = ShopApi.product(manager, category, "Ledger " + suffix, "8.80", 9);
        String shopper = ShopApi.shopper("adminpages_" + suffix);
        String order = ShopApi.placeOrder(shopper, product, 1).then().statusCode(202).extract().path("id");
        String invoice = awaitInvoice(shopper, order);

        new AdminSite(browser).logIn();
        for (String page : List.of("/admin/#/", "/admin/#/?year=2025", "/admin/#/categories", "/admin/#/products",
                "/admin/#/products?categoryId=" + category, "/admin/#/products/new",
                "/admin/#/products/" + product + "/edit", "/admin/#/customers", "/admin/#/orders",
                "/admin/#/orders?status=APPROVED", "/admin/#/orders/" + order, "/admin/#/invoices",
                "/admin/#/invoices/" + invoice, "/admin/#/events", "/admin/#/events?streamType=order&limit=5",
                "/admin/#/trace/" + order)) {
            assertShows(browser, page);
        }
        assertNotFound(browser, "/admin/#/no-such-page");
    }

    private static String awaitInvoice(String token, String orderId) {
        return await().atMost(Browser.PATIENCE).until(() -> ShopApi.as(token)
                .queryParam("orderId", orderId).get("/api/invoices").then().statusCode(200).extract().jsonPath()
                .<String>getList("id"), ids -> !ids.isEmpty()).get(0);
    }

    private static void assertLeadsToTheLoginForm(Browser browser, String page) {
        browser.open(page);
        browser.await("#login-form");
        assertThat(browser.hash()).as("where %s leads", page).startsWith("#/login?next=");
    }

    /** Opens a page and waits until it shows its heading; it must not show an error instead. */
    private static void assertShows(Browser browser, String page) {
        browser.open(page);
        browser.await("#page h1");
        browser.until(driver -> browser.all("#page[aria-busy]").isEmpty());
        assertThat(browser.all("#page .notice")).as("an error or not-found notice on %s", page).isEmpty();
    }

    private static void assertNotFound(Browser browser, String page) {
        browser.open(page);
        browser.awaitText("#page .notice h1", "Not found");
    }
}
