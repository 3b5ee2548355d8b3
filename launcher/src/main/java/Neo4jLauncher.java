import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded, reachable only over Bolt on 127.0.0.1, with authentication on,
 * no file URLs and only the few APOC functions the project needs.
 * Contract with the parent process (see docs/launcher.md): exactly one "ready" line on stdout,
 * errors as one "neo4j-launcher: ..." line on stderr with exit code 2, and a clean
 * shutdown when stdin closes or on SIGINT/SIGTERM.
 */
public final class Neo4jLauncher {

    private static final String HOST = "127.0.0.1";
    private static final String USAGE = "valid options: --port <n> --data <dir> --password-file <file> "
            + "--pagecache <size> --plugins <dir> --no-stdin-watch";
    /**
     * The only procedures and functions loaded besides Neo4j's built-in ones: the APOC functions the
     * Neo4j GraphQL Library calls (its benchmark comparison runs it on this launcher). Nothing reads
     * files, URLs or the environment through them.
     */
    private static final List<String> PROCEDURE_ALLOWLIST =
            List.of("apoc.util.validate", "apoc.util.validatePredicate", "apoc.date.convertFormat");
    private static final String OWNER_ONLY_DIR = "rwx------";
    private static final String OWNER_ONLY_FILE = "rw-------";

    // Static so that explain() can name them in error messages.
    private static int port = 7687;
    private static Path data = Path.of(".data", "neo4j");

    /** Exit status used by the shutdown hook, which has to halt() to turn SIGTERM's 143 into 0. */
    private static volatile int exitStatus = 0;

    /** A failure we can explain; its message becomes the single stderr line. */
    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    public static void main(String[] args) {
        // The parent reads stdout for the ready line only, so anything Neo4j or a library
        // prints there is diverted to stderr for the lifetime of the process.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            run(args, stdout);
        } catch (Throwable t) {
            System.err.println("neo4j-launcher: " + explain(t));
            System.err.flush();
            exitStatus = 2;
            System.exit(2);
        }
    }

    private static void run(String[] args, PrintStream stdout) throws Exception {
        Path plugins = null;
        Path passwordFile = null;
        Long pagecache = null;
        boolean watchStdin = true;

        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = null;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            }
            if (flag.equals("--no-stdin-watch")) {
                watchStdin = false;
                continue;
            }
            if (!List.of("--port", "--data", "--password-file", "--pagecache", "--plugins").contains(flag)) {
                throw new Failure("unknown option '" + args[i] + "'; " + USAGE);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new Failure("option " + flag + " needs a value; " + USAGE);
                }
                value = args[++i];
            }
            switch (flag) {
                case "--port" -> port = parsePort(value);
                case "--data" -> data = Path.of(value);
                case "--password-file" -> passwordFile = Path.of(value);
                case "--plugins" -> plugins = Path.of(value);
                default -> pagecache = parseSize(value);
            }
        }
        data = data.toAbsolutePath().normalize();
        plugins = (plugins != null ? plugins : defaultPluginDir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(plugins)) {
            throw new Failure("plugin directory " + plugins + " does not exist; run 'mvn -f launcher/pom.xml package' or pass --plugins <dir>");
        }
        try {
            Files.createDirectories(data);
            ownerOnly(data, OWNER_ONLY_DIR);
        } catch (IOException e) {
            throw new Failure("cannot create data directory " + data + " (" + e + "); pass --data <writable dir>");
        }
        passwordFile = (passwordFile != null ? passwordFile : data.resolve("auth").resolve("password"))
                .toAbsolutePath().normalize();
        String password = readOrCreatePassword(passwordFile);
        // Neo4j only reports its own bind failure deep inside a lifecycle exception; probing
        // first gives a clear message without paying for a half-started database.
        checkPortFree(port);

        long heap = Runtime.getRuntime().maxMemory();
        // The data dir doubles as Neo4j's home: databases land in <data>/data, logs in <data>/logs.
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Netty's default 5s quiet period, paid once per event loop group, made every
                // stop take over 10s; nothing reaches a stopping dev database, so stop at once.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                .setConfig(GraphDatabaseSettings.procedure_allowlist, PROCEDURE_ALLOWLIST)
                // LOAD CSV FROM 'file:///...' would read any file the JVM can, /proc/self/environ included.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.logs_directory, data.resolve("logs"))
                // No internet here, and a dev database has nothing to report anyway.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                // Bound all transactions together to 60% of -Xmx so a runaway query fails with a
                // clear memory error instead of an OutOfMemoryError that kills the process, and one
                // transaction to a quarter of -Xmx so a single query cannot take the others' memory.
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, heap / 10 * 6)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, heap / 4)
                // A transaction past its timeout is stopped by a monitor that looks every 2 s by default, so a
                // 300 ms timeout could end anywhere up to 2.3 s; looking every 100 ms stops it about 0.1 s late.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // The caller chooses the password; Neo4j's 8-character minimum only gets in the way.
                .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1);
        if (pagecache != null) {
            builder.setConfig(GraphDatabaseSettings.pagecache_memory, pagecache);
        }

        DatabaseManagementService dbms = builder.build();
        Path launcherFile = data.resolve("launcher.json");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(launcherFile);
            } catch (IOException e) {
                // a stale file names a pid that no longer owns the port, which readers check
            }
            dbms.shutdown();
            Runtime.getRuntime().halt(exitStatus);
        }, "neo4j-launcher-shutdown"));

        setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
        awaitBolt(port);
        writeOwnerOnly(launcherFile,
                "{\"port\":" + port + ",\"pid\":" + ProcessHandle.current().pid() + "}\n");
        // Read from the jar manifest: asking dbms.components() would compile the first Cypher
        // query, which costs about 3s of startup on a small machine.
        String version = DatabaseManagementService.class.getPackage().getImplementationVersion();

        stdout.println("Neo4j " + version + " ready at bolt://" + HOST + ":" + port + " (data: " + data + ")");
        stdout.flush();

        if (watchStdin) {
            // The parent holds our stdin pipe and never writes: EOF (or a broken stdin) means it is gone.
            InputStream in = System.in;
            byte[] buf = new byte[256];
            try {
                while (in.read(buf) != -1) {
                    // input is ignored
                }
            } catch (IOException e) {
                // same as EOF
            }
            System.exit(0);
        } else {
            Thread.currentThread().join();
        }
    }

    private static void setPassword(GraphDatabaseService system, String password) {
        // Embedded transactions run without authentication, so this works on a fresh store
        // (where neo4j/neo4j must be changed) as well as on one with any older password.
        try (Transaction tx = system.beginTx()) {
            tx.execute("ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
            tx.commit();
        } catch (RuntimeException e) {
            // Restarting with the password already set is fine; Neo4j refuses a no-op change.
            if (!String.valueOf(rootCause(e).getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    /**
     * The password of user neo4j: the file's first line, or a new random one (128 bits, hex) written
     * to it when the file does not exist. The file and its directory are made owner-only either way.
     */
    private static String readOrCreatePassword(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ownerOnly(file.getParent(), OWNER_ONLY_DIR);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        try (var out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ownerOnly(file, OWNER_ONLY_FILE);
            out.write((HexFormat.of().formatHex(random) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException e) {
            // kept from an earlier start, or written by the parent from NEO4J_PASSWORD
        }
        ownerOnly(file, OWNER_ONLY_FILE);
        String password = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        if (password.isEmpty()) {
            throw new Failure("password file " + file + " is empty; write a password into it or delete it to get a new one");
        }
        return password;
    }

    /** Writes a file readable by its owner only, replacing any old one in one step. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY_FILE)));
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }

    private static void checkPortFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (BindException e) {
            throw portInUse(port);
        }
    }

    /** build() returns once the connector is bound, but a connect proves it to the caller. */
    private static void awaitBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new Failure("Bolt did not accept connections on " + HOST + ":" + port + " within 30s; see the logs in the data directory");
                }
                Thread.sleep(50);
            }
        }
    }

    private static Failure portInUse(int port) {
        return new Failure("port " + port + " is already in use on " + HOST + "; stop what uses it or pass --port <free port>");
    }

    private static Path defaultPluginDir() throws Exception {
        // target/classes/Neo4jLauncher.class -> target/plugins
        Path classes = Path.of(Neo4jLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.resolveSibling("plugins");
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new Failure("--port must be a number from 1 to 65535, got '" + value + "'");
    }

    private static long parseSize(String value) {
        try {
            return ByteUnit.parse(value);
        } catch (RuntimeException e) {
            throw new Failure("--pagecache must be a size like 256m or 1g, got '" + value + "'");
        }
    }

    /** Turns Neo4j's deeply wrapped startup exceptions into one actionable sentence. */
    private static String explain(Throwable t) {
        if (t instanceof Failure) {
            return t.getMessage();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            String msg = String.valueOf(c.getMessage());
            if (c.getClass().getSimpleName().equals("FileLockException") || msg.contains("locked by another process")) {
                return "data directory " + data + " is locked by another Neo4j process; stop that process or pass --data <other dir>";
            }
            if (c instanceof BindException || msg.contains("Address already in use")) {
                return portInUse(port).getMessage();
            }
        }
        Throwable root = rootCause(t);
        String msg = root.getMessage() == null ? "" : root.getMessage().replaceAll("\\s*\\R\\s*", " ");
        // JDK exceptions often carry only a path as message, so name the exception too.
        boolean jdk = root.getClass().getName().startsWith("java.");
        return msg.isBlank() ? root.getClass().getName() : jdk ? root.getClass().getSimpleName() + ": " + msg : msg;
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
