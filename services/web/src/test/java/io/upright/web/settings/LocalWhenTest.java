package io.upright.web.settings;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LocalWhenTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void a_time_is_shown_in_the_persons_zone_today_tomorrow_or_on_a_date() {
        assertThat(LocalWhen.of(Instant.parse("2026-12-07T13:30:00Z"), ZoneId.of("Europe/Berlin"), NOW))
                .isEqualTo(new LocalWhen("14:30", "2026-12-07", true, false));
        assertThat(LocalWhen.of(Instant.parse("2026-12-07T23:30:00Z"), ZoneId.of("Europe/Berlin"), NOW))
                .isEqualTo(new LocalWhen("00:30", "2026-12-08", false, true));
        assertThat(LocalWhen.of(Instant.parse("2026-12-10T08:00:00Z"), ZoneId.of("America/New_York"), NOW))
                .isEqualTo(new LocalWhen("03:00", "2026-12-10", false, false));
    }

    @Test
    void an_unknown_zone_falls_back_to_utc() {
        assertThat(LocalWhen.zoneOr("Mars/Olympus")).isEqualTo(ZoneId.of("UTC"));
        assertThat(LocalWhen.zoneOr(null)).isEqualTo(ZoneId.of("UTC"));
        assertThat(LocalWhen.zoneOr("Asia/Tokyo")).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }
}
