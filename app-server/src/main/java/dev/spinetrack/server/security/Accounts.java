package dev.spinetrack.server.security;

import dev.spinetrack.server.storage.Database;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts and their credentials: passwords (Argon2id), dashboard login sessions, personal
 * API tokens, and the read grants clients give coaches.
 */
@Singleton
public class Accounts {

    /** What a user id looks like (it is also an owner id and, for gateways, part of topics). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Shortest password accepted. */
    public static final int MIN_PASSWORD = 10;
    static final String SESSION_PREFIX = "sts_";
    static final String TOKEN_PREFIX = "stk_";

    private final Database db;
    private final PasswordHasher hasher = new PasswordHasher();
    private final ApplicationEventPublisher<AccessChanged> events;
    private final long sessionMs;
    // Hashed when the account is unknown, so a login takes as long for a missing user.
    private final String decoy;

    public Accounts(Database db, ApplicationEventPublisher<AccessChanged> events,
                    @Value("${spinetrack.security.session-hours:12}") int sessionHours) {
        this.db = db;
        this.events = events;
        this.sessionMs = Duration.ofHours(sessionHours).toMillis();
        this.decoy = hasher.hash(Secrets.newSecret(""));
    }

    /** Checks a user id. */
    public static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a user id is 1-64 letters, digits, '_', '.' or '-'");
        }
        return id;
    }

    /** Creates an account, or sets the password and role of an existing one. */
    public Account save(String id, String password, Role role) {
        checkId(id);
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD + " characters");
        }
        String hash = hasher.hash(password);
        return db.write(c -> {
            AccountStore.upsert(c, id, role, hash, System.currentTimeMillis());
            AccountStore.deleteSessionsOf(c, id);
            return AccountStore.find(c, id).orElseThrow();
        });
    }

    /** Whether an account exists that can log in. */
    public boolean exists(String id) {
        return db.read(c -> AccountStore.find(c, id)).filter(a -> a.passwordHash() != null).isPresent();
    }

    /** How many accounts can log in. */
    public int count() {
        return db.read(AccountStore::countWithPassword);
    }

    /** Accounts that can log in. */
    public List<Account> all() {
        return db.read(AccountStore::all);
    }

    /** Switches an account off or on; off also ends its login sessions. */
    public boolean setDisabled(String id, boolean disabled) {
        boolean found = db.write(c -> {
            boolean f = AccountStore.setDisabled(c, id, disabled);
            if (disabled) {
                AccountStore.deleteSessionsOf(c, id);
            }
            return f;
        });
        if (found && disabled) {
            events.publishEvent(new AccessChanged("account " + id + " disabled"));
        }
        return found;
    }

    /** The account if the password is right and it is enabled. */
    public Optional<Account> verify(String id, String password) {
        Optional<Account> a = id == null || !ID.matcher(id).matches() ? Optional.empty()
                : db.read(c -> AccountStore.find(c, id));
        String hash = a.map(Account::passwordHash).orElse(null);
        boolean ok = hasher.matches(password == null ? "" : password, hash == null ? decoy : hash);
        return ok && hash != null && !a.get().disabled() ? a : Optional.empty();
    }

    /** A new login session for a verified account: its cookie value and CSRF token. */
    public Login login(Account a) {
        String token = Secrets.newSecret(SESSION_PREFIX);
        String csrf = Secrets.newSecret("");
        long now = System.currentTimeMillis();
        db.write(c -> {
            AccountStore.deleteExpiredSessions(c, now);
            AccountStore.insertSession(c, Secrets.digest(token), a.id(), csrf, now, now + sessionMs);
            return null;
        });
        return new Login(token, csrf, a.id(), a.role());
    }

    /** Ends a login session. */
    public void logout(String sessionToken) {
        db.write(c -> {
            AccountStore.deleteSession(c, Secrets.digest(sessionToken));
            return null;
        });
        events.publishEvent(new AccessChanged("logout"));
    }

    /** The caller a session cookie or bearer token stands for, if it is valid and the account enabled. */
    public Optional<Caller> authenticate(String secret, boolean cookie) {
        if (secret == null || secret.length() > 200) {
            return Optional.empty();
        }
        String h = Secrets.digest(secret);
        long now = System.currentTimeMillis();
        return db.write(c -> {
            String user;
            String csrf = null;
            if (cookie && secret.startsWith(SESSION_PREFIX)) {
                Optional<String[]> s = AccountStore.session(c, h, now);
                if (s.isEmpty()) {
                    return Optional.empty();
                }
                user = s.get()[0];
                csrf = s.get()[1];
            } else if (!cookie && secret.startsWith(TOKEN_PREFIX)) {
                Optional<String> u = AccountStore.tokenUser(c, h, now);
                if (u.isEmpty()) {
                    return Optional.empty();
                }
                user = u.get();
            } else {
                return Optional.empty();
            }
            String csrfToken = csrf;
            return AccountStore.find(c, user).filter(a -> !a.disabled() && a.passwordHash() != null)
                    .map(a -> new Caller(a.id(), a.role(), csrfToken));
        });
    }

    /** Creates a personal API token; the secret is in the result only. */
    public NewToken createToken(String user, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a token name is 1-100 characters");
        }
        String secret = Secrets.newSecret(TOKEN_PREFIX);
        long now = System.currentTimeMillis();
        long id = db.write(c -> AccountStore.insertToken(c, user, name.strip(), Secrets.digest(secret), now));
        return new NewToken(new ApiToken(id, name.strip(), now, null), secret);
    }

    /** The user's tokens (without secrets). */
    public List<ApiToken> tokens(String user) {
        return db.read(c -> AccountStore.tokensOf(c, user));
    }

    /** Revokes one of the user's tokens; false if they have no such token. */
    public boolean revokeToken(String user, long id) {
        boolean done = db.write(c -> AccountStore.deleteToken(c, user, id));
        if (done) {
            events.publishEvent(new AccessChanged("token revoked"));
        }
        return done;
    }

    /** A client lets a coach read their history. */
    public void grant(String client, String coach) {
        if (client.equals(coach)) {
            throw new IllegalArgumentException("a grant is to another account");
        }
        if (!exists(coach)) {
            throw new IllegalArgumentException("no account '" + coach + "'");
        }
        db.write(c -> {
            AccountStore.grant(c, client, coach, System.currentTimeMillis());
            return null;
        });
    }

    /** A client takes a grant back; the coach's open streams of the client's data close. */
    public boolean revokeGrant(String client, String coach) {
        boolean done = db.write(c -> AccountStore.revoke(c, client, coach));
        if (done) {
            events.publishEvent(new AccessChanged("grant by " + client + " to " + coach + " revoked"));
        }
        return done;
    }

    /** Whether the coach may read the client's history. */
    public boolean canRead(String coach, String client) {
        return coach.equals(client) || db.read(c -> AccountStore.granted(c, client, coach));
    }

    /** Coaches a client granted access to. */
    public List<String> coachesOf(String client) {
        return db.read(c -> AccountStore.grants(c, client, true));
    }

    /** Clients who granted a coach access. */
    public List<String> clientsOf(String coach) {
        return db.read(c -> AccountStore.grants(c, coach, false));
    }

    /**
     * A login session.
     *
     * @param token cookie value
     * @param csrf  token to echo in X-CSRF-Token
     * @param user  user id
     * @param role  role
     */
    public record Login(String token, String csrf, String user, Role role) {
    }

    /**
     * A token just created.
     *
     * @param token  as listed
     * @param secret the bearer value, shown once
     */
    public record NewToken(ApiToken token, String secret) {
    }
}
