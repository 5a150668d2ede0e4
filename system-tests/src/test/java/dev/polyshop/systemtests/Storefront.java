package dev.polyshop.systemtests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The shoppers' storefront at {@code /}, as a shopper uses it: what to fill in and click, and what to read. */
final class Storefront {

    private final Browser browser;

    Storefront(Browser browser) {
        this.browser = browser;
    }

    void register(String username, String fullName, String email, String password) {
        browser.open("/#/register");
        browser.fill("#register-form [name=username]", username);
        browser.fill("#register-form [name=fullName]", fullName);
        browser.fill("#register-form [name=email]", email);
        browser.fill("#register-form [name=password]", password);
        browser.click("#register-form button[type=submit]");
        browser.await("#logout");
    }

    /** Logs in on the login form already shown (e.g. after a protected page sent the visitor there). */
    void logInHere(String username, String password) {
        browser.fill("#login-form [name=username]", username);
        browser.fill("#login-form [name=password]", password);
        browser.click("#login-form button[type=submit]");
        browser.await("#logout");
    }

    void logIn(String username, String password) {
        browser.open("/#/login");
        logInHere(username, password);
    }

    void logOut() {
        browser.click("#logout");
        browser.until(driver -> browser.all("#logout").isEmpty());
        browser.await("#nav a[href='#/login']");
    }

    /** Searches with the header's search box; returns the names of the products found. */
    List<String> search(String text) {
        browser.fill("#search-q", text);
        browser.awaitNextPage(() -> browser.click("#search button[type=submit]"));
        browser.await("#result-count");
        return browser.all(".card.product h3").stream().map(WebElement::getText).toList();
    }

    void openProduct(String name) {
        browser.clickLink(name);
        browser.await(".product-page h1");
    }

    /**
     * Records, from now on and without reloading, every state the order page shows: its status and each saga step's
     * state, e.g. {@code PENDING placed=done stock=waiting credit=waiting approved=waiting}. A page reload would lose
     * the record, so what it holds arrived live.
     */
    void recordOrderProgress() {
        browser.script(
                """
                        window.polyshopProgress = [];
                        const record = () => {
                          const page = document.querySelector('.order-page');
                          if (!page) { return; }
                          const steps = [...page.querySelectorAll('ol.progress li')]
                            .map((step) => `${step.dataset.step}=${step.dataset.state}`).join(' ');
                          const state = `${page.dataset.status} ${steps}`;
                          if (window.polyshopProgress.at(-1) !== state) { window.polyshopProgress.push(state); }
                        };
                        new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
                        """);
    }

    @SuppressWarnings("unchecked")
    List<String> recordedOrderProgress() {
        return (List<String>) browser.script("return window.polyshopProgress || null");
    }

    /** Orders on the product page shown; returns the order's id once its page is shown. */
    String order(int quantity) {
        browser.fill(".order-form [name=quantity]", String.valueOf(quantity));
        browser.click("#place-order");
        return browser.await(".order-page[data-order-id]").getDomAttribute("data-order-id");
    }

    void awaitOrderStatus(String status) {
        browser.await(".order-page[data-status='" + status + "']");
    }

    /** The saga's steps on the order page and the state of each: placed=done, credit=failed, … */
    Map<String, String> orderSteps() {
        Map<String, String> steps = new LinkedHashMap<>();
        for (WebElement step : browser.all(".order-page ol.progress li")) {
            steps.put(step.getDomAttribute("data-step"), step.getDomAttribute("data-state"));
        }
        return steps;
    }

    String rejectionReason() {
        return browser.text(".order-page .reason strong");
    }

    /** The invoice's number, once the order page links to it (it is issued after the approval). */
    String awaitInvoiceNumber() {
        return browser.await("#invoice-link a").getText();
    }

    String orderTotal() {
        return browser.text(".order-page #total");
    }

    /** My orders, opened from the navigation; returns the text of the order's card. */
    String myOrder(String orderId) {
        browser.clickLink("My orders");
        WebElement card = browser.await(".order-list .order[data-order-id='" + orderId + "']");
        card.findElement(By.cssSelector("summary")).click();
        return card.getText();
    }

    /** My invoices, opened from the navigation: opens the order's invoice and returns the printable invoice's text. */
    String invoiceOf(String orderId) {
        browser.clickLink("Invoices");
        browser.click("#invoices tr[data-order-id='" + orderId + "'] a");
        return browser.text(".invoice-document");
    }
}
