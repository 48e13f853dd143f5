package dev.spinetrack.server.security;

import io.micronaut.context.ApplicationContext;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code app-server account create <user> [--admin] [--password-file FILE]}: creates an account
 * (or resets its password) against the configured database, with no HTTP server and no broker.
 * The password comes from the file, else {@code SPINETRACK_PASSWORD}, else the terminal
 * (asked twice), else one line of standard input: never from the command line, where other
 * users of the machine could read it. With the default H2 database, stop the server first (it
 * holds the database file).
 */
public final class AccountCli {

    private AccountCli() {
    }

    /** Whether the arguments ask for this command. */
    public static boolean wants(String[] args) {
        return args.length > 0 && "account".equals(args[0]);
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        if (rest.size() < 2 || !"create".equals(rest.get(0))) {
            System.err.println("usage: account create <user> [--admin] [--password-file FILE]");
            return 2;
        }
        String user = rest.get(1);
        Role role = rest.contains("--admin") ? Role.ADMIN : Role.USER;
        int pf = rest.indexOf("--password-file");
        String password;
        try {
            password = pf >= 0 && pf + 1 < rest.size() ? firstLine(Files.readString(Path.of(rest.get(pf + 1)),
                    StandardCharsets.UTF_8)) : fromEnvironmentOrTerminal();
        } catch (IOException e) {
            System.err.println("cannot read the password: " + e.getMessage());
            return 2;
        }
        Map<String, Object> props = new HashMap<>();
        props.put("spinetrack.mqtt.enabled", false);
        // a URL, so no embedded broker starts; nothing connects to it
        props.put("spinetrack.mqtt.url", "tcp://127.0.0.1:1");
        props.put("spinetrack.demo.enabled", false);
        try (ApplicationContext ctx = ApplicationContext.run(props, "cli")) {
            Account a = ctx.getBean(Accounts.class).save(user, password, role);
            System.out.println("account " + a.id() + " (" + a.role() + ") saved");
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private static String fromEnvironmentOrTerminal() throws IOException {
        String env = System.getenv("SPINETRACK_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        Console console = System.console();
        if (console != null) {
            char[] a = console.readPassword("Password: ");
            char[] b = console.readPassword("Again: ");
            if (a == null || b == null || !new String(a).equals(new String(b))) {
                throw new IOException("the passwords differ");
            }
            return new String(a);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IOException("no password on standard input");
        }
        return line;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).stripTrailing();
    }
}
