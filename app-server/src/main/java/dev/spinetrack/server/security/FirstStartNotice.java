package dev.spinetrack.server.security;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at startup how to create the first account when there is none: a fresh install has no
 * default password, so nobody can log in until an operator makes an account.
 */
@Singleton
public class FirstStartNotice {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStartNotice.class);

    private final Accounts accounts;

    public FirstStartNotice(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        if (accounts.count() == 0) {
            LOG.warn("No accounts yet, so nobody can log in. Stop the server and create the first admin with "
                    + "'java -jar app-server.jar account create <user> --admin' (password from SPINETRACK_PASSWORD, "
                    + "--password-file or the terminal), then start it again.");
        }
    }
}
