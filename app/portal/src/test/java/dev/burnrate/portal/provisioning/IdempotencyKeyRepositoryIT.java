package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.RESOURCES;
import static dev.burnrate.portal.db.Tables.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.portal.policy.DecisionKind;
import dev.burnrate.portal.policy.DecisionLog;
import dev.burnrate.portal.support.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tables behind the REST API's provisioning requests, on H2 and PostgreSQL: a client's key is recorded once per
 * user (a concurrent second insert is a no-op, not an error), a waiting request can become CANCELLED (V084), and
 * requests and resources page newest first without overlaps (the id breaks ties of equal creation times).
 */
class IdempotencyKeyRepositoryIT {

    private static final Instant T = Instant.parse("2026-11-02T10:00:00Z");

    private static String request(DSLContext dsl, long team, String id, Instant at) {
        long decision = new DecisionLog(dsl).record(DecisionKind.REQUEST, id, "ml-research", "eve",
                Decision.of(List.of(), List.of(), List.of()), Map.of(), at);
        RequestDraft draft = new RequestDraft(Template.GPU_TRAINING, "ml-research", null, id, "aws", "eu-north-1",
                "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, 24.0, "internal", Map.of(), true, true, true, false);
        new RequestRepository(dsl).insert(id, team, "eve", draft, new Estimate(1, 24, 24, 730, "list prices"),
                "REQUIRE_APPROVAL", RequestState.PENDING_APPROVAL, false, decision, at);
        return id;
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void aKeyIsRecordedOncePerUser(TestDatabase db) {
        long team = db.dsl().insertInto(TEAMS).set(TEAMS.NAME, "ml-research").returning().fetchSingle().getId();
        String id = request(db.dsl(), team, "api-0001", T);
        IdempotencyKeyRepository keys = new IdempotencyKeyRepository(db.dsl());

        assertThat(keys.insert("eve", "key-1", "a".repeat(64), id, T)).isTrue();
        assertThat(keys.insert("eve", "key-1", "b".repeat(64), id, T)).as("a second insert").isFalse();
        assertThat(keys.find("eve", "key-1")).contains(new IdempotencyKeyRepository.StoredKey("a".repeat(64), id));
        assertThat(keys.find("bob", "key-1")).isEmpty();
        assertThat(keys.insert("bob", "key-1", "c".repeat(64), id, T)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void aWaitingRequestCanBeCancelledAndRequestsPageNewestFirst(TestDatabase db) {
        long team = db.dsl().insertInto(TEAMS).set(TEAMS.NAME, "ml-research").returning().fetchSingle().getId();
        RequestRepository requests = new RequestRepository(db.dsl());
        for (int i = 0; i < 5; i++) {
            request(db.dsl(), team, "api-000" + i, T.plusSeconds(i / 2 * 60L)); // pairs share a creation time
        }
        assertThat(requests.transition("api-0003", RequestState.PENDING_APPROVAL, RequestState.CANCELLED,
                "cancelled by eve", null, T)).isTrue();
        assertThat(requests.find("api-0003")).get().extracting(StoredRequest::state)
                .isEqualTo(RequestState.CANCELLED);

        var all = DSL.trueCondition();
        List<String> pages = new ArrayList<>();
        for (int offset = 0; offset < 5; offset += 2) {
            requests.findPage(all, offset, 2).forEach(r -> pages.add(r.id()));
        }
        assertThat(pages).containsExactly("api-0004", "api-0003", "api-0002", "api-0001", "api-0000");
        assertThat(requests.count(all)).isEqualTo(5);

        ResourceRepository resources = new ResourceRepository(db.dsl());
        for (String id : List.of("api-0000", "api-0001", "api-0002")) {
            resources.insert(requests.find(id).orElseThrow(), new ResourceStatus("i-" + id, ResourceState.RUNNING,
                    T, "running"), T.plusSeconds(id.equals("api-0000") ? 60 : 0));
        }
        List<String> resourcePages = new ArrayList<>();
        resources.findPage(all, 0, 2).forEach(r -> resourcePages.add(r.id()));
        resources.findPage(all, 2, 2).forEach(r -> resourcePages.add(r.id()));
        assertThat(resourcePages).containsExactly("i-api-0000", "i-api-0002", "i-api-0001");
        assertThat(resources.count(all)).isEqualTo(3);
        assertThat(resources.count(RESOURCES.TEAM_ID.eq(team + 1))).isZero();
    }
}
