package dev.polyshop.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The local run's MongoDB and Couchbase: both stand-ins in one process, started by the run script, which waits for the
 * ready line on standard output. Stops both cleanly on SIGTERM or SIGINT; the MongoDB data stays in the data
 * directory, the Couchbase data (memory only) is gone.
 */
public final class EmbeddedStores {

    private static final String HOST = "127.0.0.1";
    private static final Logger LOG = Logger.getLogger(EmbeddedStores.class.getName());

    private EmbeddedStores() {
    }

    public static void main(String[] args) {
        quietLogging();
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LauncherOptions.USAGE);
            return;
        }
        try {
            start(options);
        } catch (Exception e) {
            LOG.severe("embedded stores failed to start: " + e.getMessage());
            // Netty and the mock leave non-daemon threads behind, which would keep a failed launcher alive.
            System.exit(1);
        }
    }

    private static void start(LauncherOptions options) {
        EmbeddedMongo mongo = startMongo(options);
        EmbeddedCouchbase couchbase;
        try {
            couchbase = EmbeddedCouchbase.start(options.bucket(), options.bucketPassword(), options.couchbaseHttpPort(),
                    options.couchbaseKvPort());
        } catch (Exception e) {
            mongo.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            couchbase.close();
            mongo.close();
            // Not through java.util.logging: its own shutdown hook may already have closed the handlers.
            System.err.println("embedded stores stopped");
        }, "embedded-stores-shutdown"));
        System.out.println("embedded stores ready: " + mongo.connectionString() + " " + couchbase.connectionString());
        System.out.flush();
    }

    private static EmbeddedMongo startMongo(LauncherOptions options) {
        if (options.dataDir() == null) {
            return EmbeddedMongo.inMemory(HOST, options.mongoPort());
        }
        return EmbeddedMongo.onFile(options.dataDir().resolve("mongo.mv"), HOST, options.mongoPort());
    }

    /**
     * mongo-java-server logs every client connection at INFO, which drowns the run script's output once five services
     * connect and reconnect. Its slf4j logging is bridged to java.util.logging, so one configuration covers both
     * libraries.
     */
    private static void quietLogging() {
        try (InputStream config = EmbeddedStores.class.getResourceAsStream("/embedded-stores-logging.properties")) {
            if (config != null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the logging configuration", e);
        }
    }

    /** The command line, with the local run's defaults. Without {@code --data-dir} MongoDB keeps data in memory. */
    record LauncherOptions(Path dataDir, int mongoPort, int couchbaseHttpPort, int couchbaseKvPort, String bucket,
            String bucketPassword, boolean help) {

        static final String USAGE = """
                usage: java -jar embedded-stores.jar [options]
                  --data-dir DIR              keep MongoDB data in DIR/mongo.mv (default: in memory)
                  --mongo-port PORT           MongoDB port (default 27017)
                  --couchbase-http-port PORT  Couchbase HTTP port (default 8091)
                  --couchbase-kv-port PORT    Couchbase key-value port (default 11210)
                  --bucket NAME               Couchbase bucket, also the username (default accounting)
                  --bucket-password PASSWORD  the bucket's password (default polyshop-local)
                  --help                      print this and exit""";

        static LauncherOptions parse(String[] args) {
            Path dataDir = null;
            int mongoPort = 27017;
            int httpPort = 8091;
            int kvPort = 11210;
            String bucket = "accounting";
            String bucketPassword = "polyshop-local";
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    return new LauncherOptions(dataDir, mongoPort, httpPort, kvPort, bucket, bucketPassword, true);
                }
                String name = arg;
                String value;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                switch (name) {
                    case "--data-dir" -> dataDir = Path.of(value);
                    case "--mongo-port" -> mongoPort = port(name, value);
                    case "--couchbase-http-port" -> httpPort = port(name, value);
                    case "--couchbase-kv-port" -> kvPort = port(name, value);
                    case "--bucket" -> bucket = requireText(name, value);
                    case "--bucket-password" -> bucketPassword = requireText(name, value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return new LauncherOptions(dataDir, mongoPort, httpPort, kvPort, bucket, bucketPassword, false);
        }

        private static int port(String name, String value) {
            String problem = name + " must be a port number (0-65535), not " + value;
            int port;
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(problem, e);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(problem);
            }
            return port;
        }

        private static String requireText(String name, String value) {
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be empty");
            }
            return value;
        }
    }
}
