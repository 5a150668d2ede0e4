package dev.polyshop.android.screens;

import android.content.Intent;
import android.os.Bundle;
import android.widget.EditText;
import android.widget.TextView;
import dev.polyshop.android.R;
import dev.polyshop.android.api.Product;
import dev.polyshop.android.present.ProductPresenter;
import dev.polyshop.android.present.Words;

/** One product, and an order of it with a quantity. */
public class ProductActivity extends ShopActivity implements ProductPresenter.View {

    static final String EXTRA_PRODUCT_ID = "productId";

    private ProductPresenter presenter;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_product);
        presenter = services().product(this, getIntent().getStringExtra(EXTRA_PRODUCT_ID));
        EditText quantity = field("quantity", R.id.quantity);
        findViewById(R.id.order).setOnClickListener(v -> presenter.order(text(quantity)));
        presenter.start();
    }

    @Override
    public void showProduct(Product product) {
        setTitle(product.name());
        ((TextView) findViewById(R.id.name)).setText(product.name());
        ((TextView) findViewById(R.id.category)).setText(product.categoryName());
        ((TextView) findViewById(R.id.price)).setText(Words.money(product.price()));
        ((TextView) findViewById(R.id.stock)).setText(product.inStock()
                ? product.unitsInStock() + " in stock"
                : "Out of stock");
        ((TextView) findViewById(R.id.description)).setText(product.description());
        ((TextView) findViewById(R.id.supplier)).setText(product.supplier() == null
                ? ""
                : "Supplied by " + product.supplier());
    }

    @Override
    public void openOrders(String placedOrderId) {
        startActivity(new Intent(this, OrdersActivity.class).putExtra(OrdersActivity.EXTRA_PLACED_ORDER_ID,
                placedOrderId));
        finish();
    }
}
