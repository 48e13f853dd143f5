package dev.spinetrack.demo;

import dev.spinetrack.server.security.Accounts;
import dev.spinetrack.server.security.Role;
import dev.spinetrack.server.security.Secrets;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode's account: the owner of the demo gateway's devices, with the password
 * {@code spinetrack.demo.password} or a fresh random one per start, logged so the README's one
 * command is enough to log in. Only in demo mode: a real install has no default password.
 */
@Context
@Requires(property = "spinetrack.demo.enabled", value = "true")
public class DemoAccount {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccount.class);

    private final Accounts accounts;
    private final String user;
    private final String configuredPassword;

    public DemoAccount(Accounts accounts, @Value("${spinetrack.users.default-user:demo}") String user,
                       @Value("${spinetrack.demo.password:}") String configuredPassword) {
        this.accounts = accounts;
        this.user = user;
        this.configuredPassword = configuredPassword;
    }

    @PostConstruct
    void create() {
        if (!configuredPassword.isEmpty()) {
            // a password someone chose may be used elsewhere too: it never goes to the log
            accounts.save(user, configuredPassword, Role.USER);
            LOG.info("Demo account: user '{}', password as configured in spinetrack.demo.password "
                    + "(log in at /login.html)", user);
            return;
        }
        // a throwaway per start, only in demo mode, so the README's one command is enough to log in
        String password = Secrets.newSecret("").substring(0, 16);
        accounts.save(user, password, Role.USER);
        LOG.info("Demo account: user '{}', password '{}' (log in at /login.html)", user, password);
    }

    /** The demo user's id. */
    public String user() {
        return user;
    }
}
