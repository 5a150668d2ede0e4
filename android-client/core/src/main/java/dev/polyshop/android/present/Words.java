package dev.polyshop.android.present;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.polyshop.android.api.Order;

/** What the screens say about orders and money, in the shopper's words rather than the API's codes. */
public final class Words {

    /** How an order's state feels to the shopper, for the colour it is shown in. */
    public enum Tone {
        WAITING, GOOD, BAD, NEUTRAL
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);

    private Words() {
    }

    /** "22 Nov 2026, 11:15:30" in the phone's time zone, for a time the shop sent (ISO-8601, UTC). */
    public static String time(String iso, ZoneId zone) {
        if (iso == null) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(iso).atZone(zone));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    public static Tone tone(Order order) {
        String status = order.status() == null ? "" : order.status();
        switch (status) {
            case Order.PENDING :
                return Tone.WAITING;
            case Order.APPROVED :
                return Tone.GOOD;
            case Order.REJECTED :
                return Tone.BAD;
            default :
                return Tone.NEUTRAL;
        }
    }

    /** "12.50": two decimals, as prices are kept. */
    public static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Why an order was rejected, e.g. "Out of stock" for OUT_OF_STOCK. */
    public static String reason(String reason) {
        if (reason == null) {
            return "";
        }
        switch (reason) {
            case "OUT_OF_STOCK" :
                return "Out of stock";
            case "INSUFFICIENT_CREDIT" :
                return "Not enough credit";
            case "PRODUCT_NOT_FOUND" :
                return "This product is no longer sold";
            case "TIMEOUT" :
                return "The shop did not decide in time";
            default :
                return reason.replace('_', ' ').toLowerCase();
        }
    }

    /** Where the order stands: "Approved", "Rejected: Not enough credit", "Pending: stock reserved, checking credit". */
    public static String status(Order order) {
        String status = order.status() == null ? "" : order.status();
        switch (status) {
            case Order.APPROVED :
                return "Approved";
            case Order.REJECTED :
                return "Rejected: " + reason(order.reason());
            case Order.CANCELLED :
                return "Cancelled";
            case Order.PENDING :
                return "Pending: " + progress(order);
            default :
                return status;
        }
    }

    private static String progress(Order order) {
        if (!"RESERVED".equals(order.stockStatus())) {
            return "reserving stock";
        }
        if (!"RESERVED".equals(order.creditStatus())) {
            return "stock reserved, checking credit";
        }
        return "stock and credit reserved, approving";
    }
}
