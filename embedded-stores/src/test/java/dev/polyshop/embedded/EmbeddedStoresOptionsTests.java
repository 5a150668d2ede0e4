package dev.polyshop.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.polyshop.embedded.EmbeddedStores.LauncherOptions;

class EmbeddedStoresOptionsTests {

    @Test
    void shouldDefaultToLocalRunPortsAndBucket() {
        LauncherOptions options = LauncherOptions.parse(new String[0]);

        assertThat(options).isEqualTo(
                new LauncherOptions(null, 27017, 8091, 11210, "accounting", "polyshop-local", false));
    }

    @Test
    void shouldAcceptSeparateAndInlineValues() {
        LauncherOptions options = LauncherOptions.parse(new String[]{"--data-dir", "data-x", "--mongo-port=27018",
                "--couchbase-http-port", "18091", "--couchbase-kv-port=21210", "--bucket", "books",
                "--bucket-password=pw"});

        assertThat(options)
                .isEqualTo(new LauncherOptions(Path.of("data-x"), 27018, 18091, 21210, "books", "pw", false));
    }

    @Test
    void shouldRejectUnknownOptionAndBadPort() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[]{"--mongo", "1"}))
                .hasMessageContaining("unknown option --mongo");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[]{"--mongo-port", "70000"}))
                .hasMessageContaining("--mongo-port must be a port number");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[]{"--bucket"}))
                .hasMessageContaining("missing value for --bucket");
    }
}
