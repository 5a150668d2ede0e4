package dev.polyshop.android.screens;

import android.content.Intent;
import android.os.Bundle;
import android.widget.EditText;
import dev.polyshop.android.R;
import dev.polyshop.android.present.RegisterPresenter;

public class RegisterActivity extends ShopActivity implements RegisterPresenter.View {

    private RegisterPresenter presenter;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_register);
        presenter = services().register(this);
        EditText username = field("username", R.id.username);
        EditText fullName = field("fullName", R.id.full_name);
        EditText email = field("email", R.id.email);
        EditText password = field("password", R.id.password);
        findViewById(R.id.register).setOnClickListener(v -> presenter.register(text(username), text(fullName),
                text(email), text(password)));
    }

    @Override
    public void openCatalog() {
        startActivity(new Intent(this, CatalogActivity.class).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK
                | Intent.FLAG_ACTIVITY_CLEAR_TASK));
        finish();
    }
}
