package dev.polyshop.android.present;

import java.util.List;

import dev.polyshop.android.api.Category;
import dev.polyshop.android.api.Product;
import dev.polyshop.android.api.ShopApi;
import dev.polyshop.android.session.Session;

/** The catalog: its categories, and the products of the chosen one (or all) whose name holds the search. */
public class CatalogPresenter extends ScreenPresenter<CatalogPresenter.View> {

    public interface View extends ScreenView {
        void showCategories(List<Category> categories);

        void showProducts(List<Product> products);

        void openProduct(String productId);
    }

    private String categoryId;
    private String search;

    public CatalogPresenter(ShopApi api, Session session, Tasks tasks, View view) {
        super(api, session, tasks, view);
    }

    public void start() {
        call(api::categories, view::showCategories);
        loadProducts();
    }

    /** @param categoryId null for every category */
    public void selectCategory(String categoryId) {
        this.categoryId = categoryId;
        loadProducts();
    }

    public void search(String text) {
        this.search = text;
        loadProducts();
    }

    public void chooseProduct(Product product) {
        view.openProduct(product.id());
    }

    private void loadProducts() {
        String category = categoryId;
        String text = search;
        call(() -> api.products(category, text), view::showProducts);
    }
}
