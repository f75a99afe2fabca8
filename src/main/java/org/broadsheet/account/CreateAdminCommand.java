package org.broadsheet.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.broadsheet.platform.JarCommand;
import org.broadsheet.web.ValidationException;
import org.springframework.context.ApplicationContext;

/**
 * {@code java -jar broadsheet.jar create-admin --email you@example.com --name "Your Name"}:
 * creates an administrator without a browser. The password is read from standard input with
 * {@code --password-stdin}; otherwise a random one is printed, once.
 */
public final class CreateAdminCommand implements JarCommand {

    public static final String NAME = "create-admin";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> ownOptions() {
        return Set.of("email", "name");
    }

    @Override
    public String usage() {
        return "usage: java -jar broadsheet.jar create-admin --email EMAIL --name NAME [--password-stdin]"
                + " [--broadsheet.data-dir=DIR]";
    }

    /** The command's own options; Spring's ({@code --broadsheet.data-dir=...}) pass through. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--email", "--name" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a value");
                    }
                    options.put(args[i].substring(2), args[++i]);
                }
                case "--password-stdin" -> options.put("password-stdin", "true");
                default -> {
                    if (args[i].startsWith("--email=") || args[i].startsWith("--name=")) {
                        int eq = args[i].indexOf('=');
                        options.put(args[i].substring(2, eq), args[i].substring(eq + 1));
                    } else if (!args[i].startsWith("--") || !args[i].contains("=")) {
                        throw new IllegalArgumentException("Unknown option " + args[i]);
                    }
                }
            }
        }
        if (!options.containsKey("email") || !options.containsKey("name")) {
            throw new IllegalArgumentException("--email and --name are required");
        }
        return options;
    }

    @Override
    public int run(ApplicationContext context, String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(usage());
            return USAGE;
        }
        AccountService accounts = context.getBean(AccountService.class);
        boolean fromStdin = options.containsKey("password-stdin");
        String password;
        try {
            password = fromStdin
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                    : accounts.randomPassword();
        } catch (IOException e) {
            err.println("Could not read the password: " + e.getMessage());
            return FAILED;
        }
        try {
            accounts.create(options.get("email"), options.get("name"), Role.ADMINISTRATOR, null, password);
        } catch (ValidationException e) {
            e.problems().forEach(p -> err.println(p.field() + ": " + p.message()));
            return FAILED;
        }
        out.println("Administrator " + options.get("email").strip() + " created.");
        if (!fromStdin) {
            out.println("Password (shown once; change it after signing in): " + password);
        }
        out.println("Sign in at /newsroom/sign-in");
        return OK;
    }
}
