package io.upright.insights.programs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TenantViewsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private final AtomicInteger computed = new AtomicInteger();
    private final TenantViews<String, Integer> views = new TenantViews<>(Duration.ofSeconds(5), 100);

    private Integer compute() {
        return computed.incrementAndGet();
    }

    @Test
    void a_view_read_again_without_a_change_is_not_computed_again() {
        assertThat(views.get("acme", "program-1", NOW, this::compute)).isEqualTo(1);
        assertThat(views.get("acme", "program-1", NOW.plusSeconds(4), this::compute)).isEqualTo(1);
        assertThat(computed).hasValue(1);
    }

    @Test
    void a_change_of_the_tenant_makes_its_next_read_compute_again() {
        views.get("acme", "program-1", NOW, this::compute);
        views.changed("acme");
        assertThat(views.get("acme", "program-1", NOW, this::compute)).isEqualTo(2);
    }

    @Test
    void a_change_of_another_tenant_keeps_this_tenants_views() {
        views.get("acme", "program-1", NOW, this::compute);
        views.changed("globex");
        assertThat(views.get("acme", "program-1", NOW, this::compute)).isEqualTo(1);
    }

    @Test
    void a_view_older_than_its_maximum_age_is_computed_again_for_changes_made_by_another_instance() {
        views.get("acme", "program-1", NOW, this::compute);
        assertThat(views.get("acme", "program-1", NOW.plusSeconds(5), this::compute)).isEqualTo(2);
    }

    @Test
    void a_computation_overlapping_a_change_is_answered_but_not_kept() {
        Integer first = views.get("acme", "program-1", NOW, () -> {
            views.changed("acme"); // a consumer committed while the view was being read
            return compute();
        });
        assertThat(first).isEqualTo(1);
        assertThat(views.get("acme", "program-1", NOW, this::compute)).isEqualTo(2);
    }

    @Test
    void different_keys_are_different_views() {
        views.get("acme", "program-1", NOW, this::compute);
        assertThat(views.get("acme", "program-2", NOW, this::compute)).isEqualTo(2);
    }

    @Test
    void a_zero_maximum_age_keeps_nothing() {
        TenantViews<String, Integer> off = new TenantViews<>(Duration.ZERO, 100);
        off.get("acme", "program-1", NOW, this::compute);
        assertThat(off.get("acme", "program-1", NOW, this::compute)).isEqualTo(2);
    }

    @Test
    void a_replay_clears_every_tenants_views() {
        views.get("acme", "program-1", NOW, this::compute);
        views.get("globex", "program-1", NOW, this::compute);
        views.changedAll();
        assertThat(views.get("acme", "program-1", NOW, this::compute)).isEqualTo(3);
        assertThat(views.get("globex", "program-1", NOW, this::compute)).isEqualTo(4);
    }
}
