package dev.polyshop.android.screens;

import android.os.Bundle;
import android.view.View;
import android.widget.EditText;
import android.widget.TextView;
import dev.polyshop.android.R;
import dev.polyshop.android.api.Customer;
import dev.polyshop.android.present.ProfilePresenter;
import dev.polyshop.android.present.Words;

/** My profile and credit; the name and email can be changed here, and the password; and here one logs out. */
public class ProfileActivity extends ShopActivity implements ProfilePresenter.View {

    private ProfilePresenter presenter;
    private EditText fullName;
    private EditText email;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_profile);
        presenter = services().profile(this);
        fullName = field("fullName", R.id.full_name);
        email = field("email", R.id.email);
        EditText currentPassword = field("currentPassword", R.id.current_password);
        EditText newPassword = field("newPassword", R.id.new_password);
        findViewById(R.id.save).setOnClickListener(v -> presenter.save(text(fullName), text(email)));
        findViewById(R.id.change_password).setOnClickListener(v -> presenter.changePassword(text(currentPassword),
                text(newPassword)));
        findViewById(R.id.logout).setOnClickListener(v -> presenter.logout());
        presenter.start();
    }

    @Override
    public void showProfile(Customer customer) {
        ((TextView) findViewById(R.id.username)).setText(customer.username());
        ((TextView) findViewById(R.id.credit)).setText(getString(R.string.credit) + ": "
                + Words.money(customer.credit()));
        fullName.setText(customer.fullName());
        email.setText(customer.email());
    }

    @Override
    public void showSaved(String message) {
        TextView shown = findViewById(R.id.message);
        shown.setText(message);
        shown.setVisibility(View.VISIBLE);
        ((TextView) findViewById(R.id.current_password)).setText("");
        ((TextView) findViewById(R.id.new_password)).setText("");
    }
}
