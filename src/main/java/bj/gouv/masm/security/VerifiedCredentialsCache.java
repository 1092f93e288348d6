package bj.gouv.masm.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Short-lived memory of HTTP basic credentials that the engine has just verified, so that a client sending
 * the same credentials with every request (Modeler, integrations, benchmark) does not pay, per request, a
 * password check (user row, hash, attempt counter) and the queries of its groups and tenants.
 *
 * <ul>
 * <li>Only a <b>verified</b> password is remembered, as a salted SHA-256 digest (the salt is random per
 * process; no password is kept): a request whose password differs from the remembered one is never
 * served from here, it goes to the engine's check (which counts the failure, delays and locks as
 * before, and {@link LoginAttemptFilter} records it).</li>
 * <li>An entry lives {@code masm.security.credential-cache.ttl} (default 30 s, {@code 0} turns the cache
 * off); any change to users, groups, tenants or memberships made through the engine — new password,
 * lock (including the delay after a failed attempt), unlock, deletion, membership added or removed —
 * empties it at once and again when that change commits ({@link TimedLockIdentityProvider}), and an
 * entry verified while such a change was under way is not stored.</li>
 * </ul>
 */
public class VerifiedCredentialsCache {

    /** Caches of this JVM, told of identity changes by the engine's identity provider. */
    private static final Set<VerifiedCredentialsCache> INSTANCES = new CopyOnWriteArraySet<>();

    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final byte[] salt = new byte[32];
    private final LongSupplier clock;
    private volatile long ttlMillis;

    public VerifiedCredentialsCache(Duration ttl, LongSupplier clock) {
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
        INSTANCES.add(this);
    }

    /** Verified identity: the groups and tenants the engine authenticates the user with. */
    public record Verified(String userId, List<String> groups, List<String> tenants) {
    }

    private record Entry(byte[] digest, Verified verified, long expiresAt) {
    }

    public boolean enabled() {
        return ttlMillis > 0;
    }

    /** Turns the cache on ({@code ttl > 0}) or off at run time (the benchmark compares both in one run). */
    public void setTtl(Duration ttl) {
        this.ttlMillis = ttl.toMillis();
        invalidateAll();
    }

    public Duration ttl() {
        return Duration.ofMillis(ttlMillis);
    }

    /** Read before verifying a password: {@link #store} refuses the result if the identities changed since. */
    public long generation() {
        return generation.get();
    }

    /** The verified identity for exactly this user and password, or null (unknown, expired, other password). */
    public Verified lookup(String engine, String userId, String password) {
        if (!enabled()) {
            return null;
        }
        Entry entry = entries.get(key(engine, userId));
        if (entry == null) {
            return null;
        }
        if (entry.expiresAt() - clock.getAsLong() <= 0) {
            entries.remove(key(engine, userId), entry);
            return null;
        }
        return MessageDigest.isEqual(entry.digest(), digest(engine, userId, password)) ? entry.verified() : null;
    }

    /** Remembers a password the engine has just accepted, unless identities changed since {@code generationBefore}. */
    public void store(String engine, String userId, String password, List<String> groups, List<String> tenants,
                      long generationBefore) {
        if (!enabled()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Entry entry = new Entry(digest(engine, userId, password),
                new Verified(userId, List.copyOf(groups), List.copyOf(tenants)), clock.getAsLong() + ttlMillis);
        entries.put(key(engine, userId), entry);
        if (generation.get() != generationBefore) {
            // an identity change started while the password was checked: what was read may be stale
            entries.remove(key(engine, userId), entry);
        }
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /**
     * Called by the identity provider on every change to users, groups, tenants or memberships: empties every
     * cache now and, when the change runs in an engine command, again once it has committed (a request
     * verified against the old rows in between is not kept).
     */
    static void identitiesChanged() {
        INSTANCES.forEach(VerifiedCredentialsCache::invalidateAll);
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext != null) {
            commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    committed -> INSTANCES.forEach(VerifiedCredentialsCache::invalidateAll));
            commandContext.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK,
                    rolledBack -> INSTANCES.forEach(VerifiedCredentialsCache::invalidateAll));
        }
    }

    /** Stops receiving identity changes (the application context closes). */
    public void close() {
        INSTANCES.remove(this);
        entries.clear();
    }

    private static String key(String engine, String userId) {
        return engine + '\u0000' + userId;
    }

    private byte[] digest(String engine, String userId, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(key(engine, userId).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
