package dev.polyshop.android.present;

import dev.polyshop.android.api.Product;
import dev.polyshop.android.api.ShopApi;
import dev.polyshop.android.session.Session;

/** One product, and ordering it with a quantity; the order's progress is then followed on the orders screen. */
public class ProductPresenter extends ScreenPresenter<ProductPresenter.View> {

    public static final int MAX_QUANTITY = 100;

    public interface View extends FormView {
        void showProduct(Product product);

        void openOrders(String placedOrderId);
    }

    private final String productId;

    public ProductPresenter(ShopApi api, Session session, Tasks tasks, View view, String productId) {
        super(api, session, tasks, view);
        this.productId = productId;
    }

    public void start() {
        call(() -> api.product(productId), view::showProduct);
    }

    public void order(String quantityText) {
        view.clearFieldErrors();
        int quantity;
        try {
            quantity = Integer.parseInt(quantityText == null ? "" : quantityText.trim());
        } catch (NumberFormatException e) {
            quantity = 0;
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            view.showFieldError("quantity", "from 1 to " + MAX_QUANTITY);
            return;
        }
        int ordered = quantity;
        callSignedIn(() -> api.placeOrder(productId, ordered), order -> view.openOrders(order.id()));
    }
}
