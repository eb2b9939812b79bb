package io.upright.web.page;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PageLanguageTest {

    @Test
    void a_browser_preferring_any_german_reads_german() {
        assertThat(PageLanguage.of("de-AT,en;q=0.5")).isEqualTo(Locale.GERMAN);
        assertThat(PageLanguage.of("fr-FR,de-CH;q=0.8")).isEqualTo(Locale.GERMAN);
        assertThat(PageLanguage.of("en;q=0.3,de;q=0.9")).isEqualTo(Locale.GERMAN);
    }

    @Test
    void english_is_read_when_preferred_or_when_nothing_written_is_accepted() {
        assertThat(PageLanguage.of("en-GB,de;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(PageLanguage.of("fr-FR")).isEqualTo(Locale.ENGLISH);
        assertThat(PageLanguage.of(null)).isEqualTo(Locale.ENGLISH);
        assertThat(PageLanguage.of(";;;not a header")).isEqualTo(Locale.ENGLISH);
        assertThat(PageLanguage.of("de;q=0")).isEqualTo(Locale.ENGLISH);
    }
}
