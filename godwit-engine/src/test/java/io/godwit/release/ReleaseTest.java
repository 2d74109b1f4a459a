package io.godwit.release;

import io.godwit.GodwitException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Release versions: their kind, series and order, with semver's rule that below 1.0 a minor counts as major. */
class ReleaseTest {

    @Test
    void kindsFollowSemverWithTheZeroRule() {
        assertThat(Release.parse("0.2.0").kind()).isEqualTo(Release.Kind.MAJOR);
        assertThat(Release.parse("0.2.1").kind()).isEqualTo(Release.Kind.PATCH);
        assertThat(Release.parse("1.0.0").kind()).isEqualTo(Release.Kind.MAJOR);
        assertThat(Release.parse("1.3.0-SNAPSHOT").kind()).isEqualTo(Release.Kind.MINOR);
        assertThat(Release.parse("1.3.2").kind()).isEqualTo(Release.Kind.PATCH);
    }

    @Test
    void seriesAreMajorsAndBelowOneMinors() {
        assertThat(Release.parse("0.1.0").sameSeries(Release.parse("0.1.7"))).isTrue();
        assertThat(Release.parse("0.1.0").sameSeries(Release.parse("0.2.0-SNAPSHOT"))).isFalse();
        assertThat(Release.parse("1.2.0").sameSeries(Release.parse("1.9.3"))).isTrue();
        assertThat(Release.parse("1.9.3").sameSeries(Release.parse("2.0.0"))).isFalse();
        assertThat(Release.parse("0.2.0").series()).isEqualTo("0.2.x");
        assertThat(Release.parse("3.1.0").series()).isEqualTo("3.x");
    }

    @Test
    void aSnapshotComesBeforeItsRelease() {
        assertThat(Release.parse("0.2.0-SNAPSHOT")).isLessThan(Release.parse("0.2.0"));
        assertThat(Release.parse("0.2.0-SNAPSHOT")).isGreaterThan(Release.parse("0.1.9"));
        assertThat(Release.parse("0.10.0")).isGreaterThan(Release.parse("0.9.0"));
        assertThat(Release.parse("0.2.0-SNAPSHOT").base()).isEqualTo(Release.parse("0.2.0"));
        assertThat(Release.parse("0.2.0-SNAPSHOT").underWay()).isTrue();
    }

    @Test
    void nextReleasesForMessages() {
        assertThat(Release.parse("0.1.1").nextMinor()).hasToString("0.2.0");
        assertThat(Release.parse("1.4.1").nextMinor()).hasToString("1.5.0");
        assertThat(Release.parse("1.4.0").nextMajor()).hasToString("2.0.0");
        assertThat(Release.parse("0.4.0").nextMajor()).hasToString("0.5.0");
    }

    @Test
    void aBadVersionSaysTheForm() {
        assertThatThrownBy(() -> Release.parse("0.2")).isInstanceOf(GodwitException.class)
                .hasMessageContaining("'0.2'").hasMessageContaining("MAJOR.MINOR.PATCH");
    }
}
