package dev.polyshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.polyshop.systemtests.BrowserExtension.PhoneScreen;

/** Shoppers on the storefront in Chromium, against the running system through nginx. */
@Tag("browser")
@ExtendWith(BrowserExtension.class)
class StorefrontBrowserIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldLetAShopperRegisterFindAProductAndWatchAnOrderOfTwoBeApprovedLive(Browser browser) {
        String manager = ShopApi.manager();
        String product = "Sencha " + suffix;
        ShopApi.product(manager, ShopApi.category(manager, "Browser teas " + suffix), product, "12.50", 10);
        String username = "web_" + suffix;
        Storefront shop = new Storefront(browser);

        shop.register(username, "Web Shopper", username + "@example.com", ShopApi.PASSWORD);
        shop.logOut();
        shop.logIn(username, ShopApi.PASSWORD);
        assertThat(shop.search("sencha " + suffix)).containsExactly(product);
        shop.openProduct(product);
        shop.recordOrderProgress();
        String orderId = shop.order(2);
        shop.awaitOrderStatus("APPROVED");

        assertThat(shop.orderSteps()).containsExactly(entry("placed", "done"), entry("stock", "done"),
                entry("credit", "done"), entry("approved", "done"));
        assertThat(shop.orderTotal()).isEqualTo("€25.00");
        List<String> progress = shop.recordedOrderProgress();
        assertThat(progress).as("what the order page showed, live").isNotEmpty()
                .allMatch(state -> state.startsWith("PENDING ") || state.startsWith("APPROVED "));
        assertThat(progress.get(progress.size() - 1)).isEqualTo(
                "APPROVED placed=done stock=done credit=done approved=done");
        String invoiceNumber = shop.awaitInvoiceNumber();
        assertThat(shop.myOrder(orderId)).contains(product, "Approved", "total €25.00", "Order approved");
        assertThat(shop.invoiceOf(orderId)).contains(invoiceNumber, product, username, "€12.50", "€25.00");
    }

    @Test
    @PhoneScreen
    void shouldShowAShopperWhoseCreditIsTooLowTheRejectionInWords(Browser browser) {
        String manager = ShopApi.manager();
        String product = ShopApi.product(manager, ShopApi.category(manager, "Browser lamps " + suffix),
                "Floor lamp " + suffix, "80.00", 5);
        String username = "poor_" + suffix;
        ShopApi.shopper(username);
        Storefront shop = new Storefront(browser);

        shop.logIn(username, ShopApi.PASSWORD);
        browser.open("/#/product/" + product);
        browser.await(".order-form");
        shop.order(2);
        shop.awaitOrderStatus("REJECTED");

        assertThat(shop.rejectionReason()).isEqualTo("Not enough credit");
        assertThat(shop.orderSteps()).containsEntry("stock", "done").containsEntry("credit", "failed")
                .containsEntry("rejected", "failed");
        assertThat(browser.text(".order-page")).doesNotContain("INSUFFICIENT_CREDIT");
    }
}
