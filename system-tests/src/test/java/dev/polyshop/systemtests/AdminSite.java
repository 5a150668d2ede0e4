package dev.polyshop.systemtests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.WebElement;

/** The managers' admin site at {@code /admin/}, as a product manager uses it. */
final class AdminSite {

    private static final List<String> PRODUCT_FIELDS = List.of("name", "description", "supplier", "price",
            "unitsInStock");

    private final Browser browser;

    AdminSite(Browser browser) {
        this.browser = browser;
    }

    void logInHere(String username, String password) {
        browser.fill("#login-form [name=username]", username);
        browser.fill("#login-form [name=password]", password);
        browser.click("#login-form button[type=submit]");
        browser.await("#logout");
    }

    void logIn() {
        browser.open("/admin/#/login");
        logInHere(System.getProperty("polyshop.manager.username", "admin"),
                System.getProperty("polyshop.manager.password", "admin"));
    }

    /** Opens a page from the menu, afresh if it is the one shown. */
    void go(String menu) {
        if (menu.equals(browser.hash())) {
            browser.reload();
        } else {
            browser.awaitNextPage(() -> browser.click("#nav a[href='" + menu + "']"));
        }
    }

    void createCategory(String name) {
        go("#/categories");
        browser.fill("#new-category [name=name]", name);
        browser.click("#new-category button[type=submit]");
        browser.await("#categories tr[data-name='" + name + "']");
    }

    /** Deletes a category after confirming; returns the message shown above the list. */
    String deleteCategory(String name) {
        go("#/categories");
        browser.click("#categories tr[data-name='" + name + "'] button.danger");
        confirm();
        return browser.text("#category-message .form-error");
    }

    /** Fills in the new-product form with the fields given (name → value) and saves; returns the product's id. */
    String createProduct(String category, Map<String, String> fields) {
        go("#/products");
        browser.click("#new-product");
        browser.await("#product-form");
        fields.forEach((name, value) -> browser.fill("#product-form [name=" + name + "]", value));
        browser.select("#product-form [name=categoryId]", category);
        browser.click("#product-form button[type=submit]");
        return browser.await("#products tr[data-name='" + fields.get("name") + "']").getDomAttribute(
                "data-product-id");
    }

    /** Opens a product's edit form from the list; returns what each field shows, the category by its name. */
    Map<String, String> editProduct(String name) {
        go("#/products");
        browser.click("#products tr[data-name='" + name + "'] a.button");
        browser.await("#product-form");
        Map<String, String> shown = new LinkedHashMap<>();
        for (String field : PRODUCT_FIELDS) {
            shown.put(field, browser.value("#product-form [name=" + field + "]"));
        }
        shown.put("category", browser.await("#product-form [name=categoryId] option:checked").getText());
        return shown;
    }

    void deleteProduct(String name) {
        go("#/products");
        browser.click("#products tr[data-name='" + name + "'] button.danger");
        confirm();
        browser.until(driver -> browser.all("#products tr[data-name='" + name + "']").isEmpty());
    }

    /** Sets a customer's credit on the customers page; returns the credit the row shows afterwards. */
    String setCredit(String username, String credit) {
        go("#/customers");
        browser.fill("#customer-filter", username);
        String row = "#customers tr[data-username='" + username + "']";
        browser.fill(row + " [name=credit]", credit);
        browser.click(row + " .credit-form button");
        browser.await(row + " .saved");
        return browser.text(row + " td.credit");
    }

    /** The orders page filtered by customer; returns each order's id and status, newest first. */
    Map<String, String> ordersOf(String username) {
        go("#/orders");
        browser.fill("#order-filters [name=customer]", username);
        browser.awaitNextPage(() -> browser.click("#order-filters button[type=submit]"));
        browser.await("#order-count");
        Map<String, String> orders = new LinkedHashMap<>();
        for (WebElement row : browser.all("#orders tbody tr")) {
            orders.put(row.getDomAttribute("data-order-id"), row.getDomAttribute("data-status"));
        }
        return orders;
    }

    void openOrder(String orderId) {
        browser.click("#orders tr[data-order-id='" + orderId + "'] a");
        browser.await(".order-page[data-order-id='" + orderId + "']");
    }

    /** The order page's status history, one line per entry. */
    List<String> orderHistory() {
        return browser.all(".order-page ol.history li").stream().map(WebElement::getText).toList();
    }

    /** The saga trace of the order shown: each event as {@code lane: type}, in the order of the timeline. */
    List<String> sagaTrace() {
        browser.click("a#saga-trace");
        browser.await("div#saga-trace");
        return browser.all("div#saga-trace .trace-event").stream()
                .map(event -> event.getDomAttribute("data-lane") + ": " + event.getDomAttribute("data-type"))
                .toList();
    }

    List<String> sagaTraceLanes() {
        return browser.all("div#saga-trace .lane-head[data-lane]").stream()
                .map(lane -> lane.getDomAttribute("data-lane")).toList();
    }

    /** The event log filtered by a stream id; returns the event types listed. */
    List<String> eventsOfStream(String streamId) {
        go("#/events");
        browser.fill("#event-filters [name=streamId]", streamId);
        browser.awaitNextPage(() -> browser.click("#event-filters button[type=submit]"));
        browser.await("#events");
        return browser.all("#events tbody tr").stream().map(row -> row.getDomAttribute("data-type")).toList();
    }

    /** The dashboard: the year's revenue as shown, and each month's bar (month → total) in the chart. */
    Revenue dashboard() {
        go("#/");
        String total = browser.await("#revenue-total").getDomAttribute("data-total");
        Map<Integer, String> months = new LinkedHashMap<>();
        for (WebElement month : browser.all("#revenue-chart g.month")) {
            months.put(Integer.valueOf(month.getDomAttribute("data-month")), month.getDomAttribute("data-total"));
        }
        return new Revenue(total, months, browser.all("#revenue-chart rect.bar").size());
    }

    record Revenue(String total, Map<Integer, String> months, int bars) {
    }

    /** The dead-letter count in the header, e.g. "0 dead letters". */
    String deadLetters() {
        return browser.await("#dead-letters").getText();
    }

    private void confirm() {
        browser.await("dialog[open]");
        browser.click("dialog[open] button[data-confirm]");
        browser.until(driver -> browser.all("dialog[open]").isEmpty());
    }
}
