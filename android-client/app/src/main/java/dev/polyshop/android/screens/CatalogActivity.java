package dev.polyshop.android.screens;

import java.util.ArrayList;
import java.util.List;

import android.content.Intent;
import android.os.Bundle;
import android.view.View;
import android.widget.AdapterView;
import android.widget.ArrayAdapter;
import android.widget.EditText;
import android.widget.ListView;
import android.widget.Spinner;
import android.widget.TextView;
import dev.polyshop.android.R;
import dev.polyshop.android.api.Category;
import dev.polyshop.android.api.Product;
import dev.polyshop.android.present.CatalogPresenter;
import dev.polyshop.android.present.Words;

/** The catalog: a category to browse (or all of them), a name to search for, and the products found. */
public class CatalogActivity extends ShopActivity implements CatalogPresenter.View {

    private CatalogPresenter presenter;
    private final List<Category> categories = new ArrayList<>();
    private ArrayAdapter<String> categoryNames;
    private RowAdapter<Product> products;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_catalog);
        presenter = services().catalog(this);

        categoryNames = new ArrayAdapter<>(this, android.R.layout.simple_spinner_item);
        categoryNames.setDropDownViewResource(android.R.layout.simple_spinner_dropdown_item);
        Spinner spinner = findViewById(R.id.categories);
        spinner.setAdapter(categoryNames);
        spinner.setOnItemSelectedListener(new AdapterView.OnItemSelectedListener() {
            private int shown;

            @Override
            public void onItemSelected(AdapterView<?> parent, View view, int position, long id) {
                if (position != shown) {
                    shown = position;
                    presenter.selectCategory(position == 0 ? null : categories.get(position - 1).id());
                }
            }

            @Override
            public void onNothingSelected(AdapterView<?> parent) {
                // the spinner always has "All categories"
            }
        });

        products = new RowAdapter<>(this, R.layout.item_product, (row, product) -> {
            ((TextView) row.findViewById(R.id.name)).setText(product.name());
            ((TextView) row.findViewById(R.id.details)).setText(product.categoryName() + " · "
                    + Words.money(product.price()) + " · " + (product.inStock()
                            ? product.unitsInStock() + " in stock"
                            : "out of stock"));
        });
        ListView list = findViewById(R.id.products);
        list.setAdapter(products);
        list.setOnItemClickListener((parent, view, position, id) -> presenter.chooseProduct(products.getItem(
                position)));

        EditText searchText = findViewById(R.id.search_text);
        findViewById(R.id.search).setOnClickListener(v -> presenter.search(text(searchText)));
        findViewById(R.id.orders).setOnClickListener(v -> open(OrdersActivity.class));
        findViewById(R.id.invoices).setOnClickListener(v -> open(InvoicesActivity.class));
        findViewById(R.id.profile).setOnClickListener(v -> open(ProfileActivity.class));
        presenter.start();
    }

    @Override
    public void showCategories(List<Category> loaded) {
        categories.clear();
        categories.addAll(loaded);
        categoryNames.clear();
        categoryNames.add(getString(R.string.all_categories));
        for (Category category : loaded) {
            categoryNames.add(category.name() + " (" + category.productCount() + ")");
        }
    }

    @Override
    public void showProducts(List<Product> found) {
        products.show(found);
        findViewById(R.id.empty).setVisibility(found.isEmpty() ? View.VISIBLE : View.GONE);
    }

    @Override
    public void openProduct(String productId) {
        startActivity(new Intent(this, ProductActivity.class).putExtra(ProductActivity.EXTRA_PRODUCT_ID, productId));
    }
}
