package dev.burnrate.portal.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestsPerUnitTest {

    @Test
    void unitsThatCountRequestsAreOneRequestTimesTheirCount() {
        assertThat(RequestsPerUnit.guess("Requests", 300)).hasValue(1);
        assertThat(RequestsPerUnit.guess("API Requests", 300)).hasValue(1);
        assertThat(RequestsPerUnit.guess("1K Requests", 300)).hasValue(1000);
        assertThat(RequestsPerUnit.guess("10000 Requests", 300)).hasValue(10_000);
        assertThat(RequestsPerUnit.guess("Invocations", 300)).hasValue(1);
    }

    @Test
    void unitsThatCountTokensDivideByTheTokensPerRequest() {
        assertThat(RequestsPerUnit.guess("Tokens", 250)).hasValue(1.0 / 250);
        assertThat(RequestsPerUnit.guess("1K Tokens", 250)).hasValue(4);
        assertThat(RequestsPerUnit.guess("1M tokens", 500)).hasValue(2000);
        assertThat(RequestsPerUnit.guess("Tokens", 0)).isEmpty();
    }

    @Test
    void otherUnitsSayNothingAboutRequests() {
        assertThat(RequestsPerUnit.guess("Hours", 300)).isEmpty();
        assertThat(RequestsPerUnit.guess("GB-Months", 300)).isEmpty();
        assertThat(RequestsPerUnit.guess(null, 300)).isEmpty();
    }
}
