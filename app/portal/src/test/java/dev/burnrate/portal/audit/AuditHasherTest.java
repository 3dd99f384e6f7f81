package dev.burnrate.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditHasherTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:15:30.123456Z");

    @Test
    void sameContentGivesSameHash() {
        assertThat(AuditHasher.hash(AuditHasher.GENESIS, AT, "admin", "user.create", "user:bob", null, "{}"))
                .isEqualTo(AuditHasher.hash(AuditHasher.GENESIS, AT, "admin", "user.create", "user:bob", null, "{}"))
                .hasSize(64);
    }

    @Test
    void everyFieldChangesTheHash() {
        String base = AuditHasher.hash(AuditHasher.GENESIS, AT, "admin", "user.create", "user:bob", "{\"a\":1}", "{}");
        assertThat(AuditHasher.hash("1".repeat(64), AT, "admin", "user.create", "user:bob", "{\"a\":1}", "{}")).isNotEqualTo(base);
        assertThat(AuditHasher.hash(AuditHasher.GENESIS, AT.plusNanos(1000), "admin", "user.create", "user:bob", "{\"a\":1}", "{}")).isNotEqualTo(base);
        assertThat(AuditHasher.hash(AuditHasher.GENESIS, AT, "eve", "user.create", "user:bob", "{\"a\":1}", "{}")).isNotEqualTo(base);
        assertThat(AuditHasher.hash(AuditHasher.GENESIS, AT, "admin", "user.update", "user:bob", "{\"a\":1}", "{}")).isNotEqualTo(base);
        assertThat(AuditHasher.hash(AuditHasher.GENESIS, AT, "admin", "user.create", "user:eve", "{\"a\":1}", "{}")).isNotEqualTo(base);
        assertThat(AuditHasher.hash(AuditHasher.GENESIS, AT, "admin", "user.create", "user:bob", "{\"a\":2}", "{}")).isNotEqualTo(base);
        assertThat(AuditHasher.hash(AuditHasher.GENESIS, AT, "admin", "user.create", "user:bob", "{\"a\":1}", null)).isNotEqualTo(base);
    }

    @Test
    void movingTextBetweenFieldsChangesTheHash() {
        assertThat(AuditHasher.hash(AuditHasher.GENESIS, AT, "ad", "min", "t", null, null))
                .isNotEqualTo(AuditHasher.hash(AuditHasher.GENESIS, AT, "adm", "in", "t", null, null));
    }

    @Test
    void nullAndEmptyDiffer() {
        assertThat(AuditHasher.hash(AuditHasher.GENESIS, AT, "a", "b", "c", null, null))
                .isNotEqualTo(AuditHasher.hash(AuditHasher.GENESIS, AT, "a", "b", "c", "", ""));
    }
}
