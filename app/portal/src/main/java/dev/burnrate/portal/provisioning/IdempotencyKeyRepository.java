package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.API_IDEMPOTENCY_KEYS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The Idempotency-Keys clients sent with new requests, per user. No authorisation here: services do that. */
@Repository
public class IdempotencyKeyRepository {

    /** What a key was first used for. */
    public record StoredKey(String bodySha256, String requestId) {
    }

    private final DSLContext dsl;

    public IdempotencyKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<StoredKey> find(String username, String key) {
        return dsl.select(API_IDEMPOTENCY_KEYS.BODY_SHA256, API_IDEMPOTENCY_KEYS.REQUEST_ID)
                .from(API_IDEMPOTENCY_KEYS)
                .where(API_IDEMPOTENCY_KEYS.USERNAME.eq(username).and(API_IDEMPOTENCY_KEYS.IDEM_KEY.eq(key)))
                .fetchOptional(r -> new StoredKey(r.value1(), r.value2()));
    }

    /** Records the key unless it is there already (a concurrent retry won); true when this call recorded it. */
    public boolean insert(String username, String key, String bodySha256, String requestId, Instant now) {
        return dsl.insertInto(API_IDEMPOTENCY_KEYS)
                .set(API_IDEMPOTENCY_KEYS.USERNAME, username)
                .set(API_IDEMPOTENCY_KEYS.IDEM_KEY, key)
                .set(API_IDEMPOTENCY_KEYS.BODY_SHA256, bodySha256)
                .set(API_IDEMPOTENCY_KEYS.REQUEST_ID, requestId)
                .set(API_IDEMPOTENCY_KEYS.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute() == 1;
    }
}
