package bj.gouv.masm.security;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed logins per client address in a sliding window: once an address has failed {@code maxFailures}
 * times within {@code window}, its logins are refused (429) without checking any password until its
 * oldest failure leaves the window. So nobody can, from one address, push an account (the administrator's)
 * into its lock again and again, nor guess passwords fast. In memory, per application instance.
 */
public class AddressThrottle {

    private final int maxFailures;
    private final long windowMillis;
    private final LongSupplier clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public AddressThrottle(int maxFailures, Duration window, LongSupplier clock) {
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Seconds the address must still wait, or 0 if it may try to log in. */
    public long retryAfterSeconds(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            long now = clock.getAsLong();
            prune(times, now);
            if (times.size() < maxFailures) {
                return 0;
            }
            return Math.max(1, (times.peekFirst() + windowMillis - now + 999) / 1000);
        }
    }

    /** Records a failure; true when this failure makes the address wait. */
    public boolean failed(String address) {
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            long now = clock.getAsLong();
            prune(times, now);
            times.addLast(now);
            return times.size() == maxFailures;
        }
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
            times.removeFirst();
        }
        if (failures.size() > 10_000) {
            failures.entrySet().removeIf(e -> e.getValue().isEmpty());
        }
    }
}
