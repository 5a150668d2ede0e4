package dev.polyshop.android.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.polyshop.android.api.Login;

class SessionTests {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private final MemoryStore store = new MemoryStore();
    private final Session session = new Session(store, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldTalkToTheHostAsAnEmulatorSeesItByDefault() {
        assertThat(session.serverAddress()).isEqualTo("http://10.0.2.2:8080");
    }

    @Test
    void shouldNormalizeTheAddressesItAccepts() {
        assertThat(Session.normalizedAddress(" shop.example:8080/ ")).isEqualTo("http://shop.example:8080");
        assertThat(Session.normalizedAddress("https://shop.example")).isEqualTo("https://shop.example");
    }

    @Test
    void shouldRefuseWhatIsNotTheAddressOfAShop() {
        assertThatThrownBy(() -> Session.normalizedAddress("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Session.normalizedAddress("ftp://shop")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Session.normalizedAddress("http://shop/api")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> Session.normalizedAddress("http://")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBeSignedInUntilTheTokenExpires() {
        session.signIn(new Login("t", "2026-11-22T12:00:01Z", "ada", "customer"));
        assertThat(session.isSignedIn()).isTrue();

        session.signIn(new Login("t", "2026-11-22T12:00:00Z", "ada", "customer"));
        assertThat(session.isSignedIn()).isFalse();
    }

    @Test
    void shouldKeepTheTokenButNothingElseOfTheLogin() {
        session.signIn(new Login("t", "2026-11-23T12:00:00Z", "ada", "customer"));

        assertThat(session.token()).isEqualTo("t");
        assertThat(session.username()).isEqualTo("ada");
        for (String key : new String[]{"password", "role"}) {
            assertThat(store.get(key)).isNull();
        }
    }

    @Test
    void shouldLogOutWhenTheShopChanges() {
        session.signIn(new Login("t", "2026-11-23T12:00:00Z", "ada", "customer"));

        session.useServer("http://10.0.2.2:8080/");
        assertThat(session.isSignedIn()).as("the same shop").isTrue();

        session.useServer("http://other.example:8080");
        assertThat(session.isSignedIn()).isFalse();
        assertThat(session.token()).isNull();
    }
}
