package io.hardhats.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FailedLoginsTest {

    @Test
    void delaysGrowWithEachFailureAfterTheFirstFewUpToACap() {
        for (int failures = 0; failures <= FailedLogins.FREE_FAILURES; failures++) {
            assertThat(FailedLogins.delayAfter(failures)).isZero();
        }
        assertThat(FailedLogins.delayAfter(FailedLogins.FREE_FAILURES + 1)).isEqualTo(FailedLogins.FIRST_DELAY);
        for (int failures = FailedLogins.FREE_FAILURES + 2; failures < 40; failures++) {
            Duration delay = FailedLogins.delayAfter(failures);
            Duration before = FailedLogins.delayAfter(failures - 1);
            assertThat(delay).isGreaterThanOrEqualTo(before).isLessThanOrEqualTo(FailedLogins.MAX_DELAY);
            if (before.compareTo(FailedLogins.MAX_DELAY) < 0) {
                assertThat(delay).isGreaterThan(before);
            }
        }
        assertThat(FailedLogins.delayAfter(Integer.MAX_VALUE)).isEqualTo(FailedLogins.MAX_DELAY);
    }
}
