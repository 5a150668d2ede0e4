package dev.polyshop.android.screens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

import android.widget.EditText;
import dev.polyshop.android.R;

public class ProfileScreenTest extends ScreenTest {

    @Test
    public void shouldShowTheProfileAndTheCredit() {
        signIn();

        ProfileActivity screen = launch(ProfileActivity.class);

        assertThat(text(screen, R.id.username)).isEqualTo("ada");
        assertThat(text(screen, R.id.credit)).isEqualTo("Credit: 87.50");
        assertThat(text(screen, R.id.full_name)).isEqualTo("Ada Lovelace");
        assertThat(text(screen, R.id.email)).isEqualTo("ada@example.org");
    }

    @Test
    public void shouldSaveTheNameAndEmail() {
        signIn();
        ProfileActivity screen = launch(ProfileActivity.class);
        type(screen, R.id.full_name, "Ada King");
        type(screen, R.id.email, "ada@king.example");

        click(screen, R.id.save);

        assertThat(services.presenterCalls).containsExactly("save Ada King ada@king.example");
        assertThat(api.calls).endsWith("updateMe Ada King ada@king.example");
        assertThat(text(screen, R.id.message)).isEqualTo("Profile saved.");
    }

    @Test
    public void shouldChangeThePassword() {
        signIn();
        ProfileActivity screen = launch(ProfileActivity.class);
        type(screen, R.id.current_password, "old secret");
        type(screen, R.id.new_password, "new secret!");

        click(screen, R.id.change_password);

        assertThat(services.presenterCalls).containsExactly("changePassword");
        assertThat(text(screen, R.id.message)).isEqualTo("Password changed.");
        assertThat(text(screen, R.id.current_password)).isEmpty();
    }

    @Test
    public void shouldSayWhenTheCurrentPasswordIsWrong() {
        signIn();
        ProfileActivity screen = launch(ProfileActivity.class);
        type(screen, R.id.current_password, "not it");
        type(screen, R.id.new_password, "new secret!");
        api.failure = StubShopApi.problem(403);

        click(screen, R.id.change_password);

        assertThat(((EditText) screen.findViewById(R.id.current_password)).getError())
                .hasToString("This is not your current password.");
    }

    @Test
    public void shouldLogOut() {
        signIn();
        ProfileActivity screen = launch(ProfileActivity.class);

        click(screen, R.id.logout);

        assertThat(services.presenterCalls).containsExactly("logout");
        assertThat(session.token()).isNull();
        assertThat(startedScreen(screen)).isEqualTo(LoginActivity.class.getName());
    }
}
