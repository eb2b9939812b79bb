package io.upright.insights.programs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Computed views of a tenant's figures, kept until anything of the tenant changes here or for at most {@code maxAge}.
 * A view is a pure function of the tenant's rows (and of the key, which carries the day and the last closed week), so
 * between two changes computing it again would give the same answer. Changes made by this instance clear the tenant's
 * views the moment they commit ({@link #changed}); {@code maxAge} bounds how long a change committed by another
 * instance can go unseen here. A computation that overlaps a change is answered but not kept, so a view computed
 * from rows read before a commit is never served after it.
 *
 * @param <K> what a view is computed from, beside the tenant (a program, a number of weeks, the day)
 */
public final class TenantViews<K, V> {

    private record Kept<V>(V view, long generation, Instant computedAt) {
    }

    private final Duration maxAge;
    private final int maxViews;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Map<String, Map<K, Kept<V>>> views = new ConcurrentHashMap<>();

    /**
     * @param maxAge   how long a view may be served without a change seen here; zero keeps nothing
     * @param maxViews how many views a tenant keeps at most (past that, its views are dropped and computed again)
     */
    public TenantViews(Duration maxAge, int maxViews) {
        this.maxAge = maxAge;
        this.maxViews = maxViews;
    }

    /** The kept view of {@code key}, or {@code compute}'s, kept when nothing of the tenant changed meanwhile. */
    public V get(String tenant, K key, Instant now, Supplier<V> compute) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            return compute.get();
        }
        long generation = generation(tenant).get();
        Map<K, Kept<V>> tenantViews = views.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
        Kept<V> kept = tenantViews.get(key);
        if (kept != null && kept.generation() == generation && now.isBefore(kept.computedAt().plus(maxAge))) {
            return kept.view();
        }
        V view = compute.get();
        if (generation(tenant).get() == generation) {
            if (tenantViews.size() >= maxViews) {
                tenantViews.clear();
            }
            tenantViews.put(key, new Kept<>(view, generation, now));
        }
        return view;
    }

    /** Something the tenant's views are computed from changed (or is about to): none of them is served again. */
    public void changed(String tenant) {
        generation(tenant).incrementAndGet();
        Map<K, Kept<V>> tenantViews = views.get(tenant);
        if (tenantViews != null) {
            tenantViews.clear();
        }
    }

    /** Everything changed (a replay rebuilt the read model). */
    public void changedAll() {
        generations.values().forEach(AtomicLong::incrementAndGet);
        views.clear();
    }

    private AtomicLong generation(String tenant) {
        return generations.computeIfAbsent(tenant, t -> new AtomicLong());
    }
}
