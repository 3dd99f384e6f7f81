package dev.burnrate.portal.api.token;

import static dev.burnrate.portal.db.Tables.API_TOKENS;
import static dev.burnrate.portal.db.Tables.USERS;
import static dev.burnrate.portal.db.Tables.USER_ROLES;

import dev.burnrate.portal.api.ApiScope;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Stores tokens by the hash of their secret; reads the owner's current state with the token in one query. */
@Repository
class ApiTokenRepository {

    /** A stored token with its owner's state at the time of the lookup. */
    record Presented(TokenSummary token, boolean ownerEnabled, Set<String> ownerRoles) {
    }

    private final DSLContext dsl;

    ApiTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    TokenSummary insert(long userId, String name, String hash, String prefix, Set<ApiScope> scopes, String createdBy,
                        Instant createdAt, Instant expiresAt) {
        long id = dsl.insertInto(API_TOKENS)
                .set(API_TOKENS.USER_ID, userId)
                .set(API_TOKENS.NAME, name)
                .set(API_TOKENS.TOKEN_HASH, hash)
                .set(API_TOKENS.TOKEN_PREFIX, prefix)
                .set(API_TOKENS.SCOPES, ApiScope.format(scopes))
                .set(API_TOKENS.CREATED_BY, createdBy)
                .set(API_TOKENS.CREATED_AT, utc(createdAt))
                .set(API_TOKENS.EXPIRES_AT, utc(expiresAt))
                .returning(API_TOKENS.ID).fetchOne(API_TOKENS.ID);
        return find(API_TOKENS.ID.eq(id)).getFirst();
    }

    Optional<Presented> findByHash(String hash) {
        Record row = dsl.select(API_TOKENS.fields()).select(USERS.USERNAME, USERS.ENABLED)
                .from(API_TOKENS).join(USERS).on(USERS.ID.eq(API_TOKENS.USER_ID))
                .where(API_TOKENS.TOKEN_HASH.eq(hash)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        Set<String> roles = dsl.select(USER_ROLES.ROLE).from(USER_ROLES)
                .where(USER_ROLES.USER_ID.eq(row.get(API_TOKENS.USER_ID))).fetchSet(USER_ROLES.ROLE);
        return Optional.of(new Presented(summary(row), row.get(USERS.ENABLED), roles));
    }

    /** Tokens matching the condition (on API_TOKENS or USERS), newest first. */
    List<TokenSummary> find(Condition condition) {
        return dsl.select(API_TOKENS.fields()).select(USERS.USERNAME)
                .from(API_TOKENS).join(USERS).on(USERS.ID.eq(API_TOKENS.USER_ID))
                .where(condition).orderBy(API_TOKENS.CREATED_AT.desc(), API_TOKENS.ID.desc())
                .fetch(ApiTokenRepository::summary);
    }

    /** Marks the token revoked unless it already is; false when there was nothing to revoke. */
    boolean revoke(long id, String by, Instant at) {
        return dsl.update(API_TOKENS).set(API_TOKENS.REVOKED_BY, by).set(API_TOKENS.REVOKED_AT, utc(at))
                .where(API_TOKENS.ID.eq(id)).and(API_TOKENS.REVOKED_AT.isNull()).execute() == 1;
    }

    void touch(long id, Instant at) {
        dsl.update(API_TOKENS).set(API_TOKENS.LAST_USED_AT, utc(at)).where(API_TOKENS.ID.eq(id)).execute();
    }

    boolean isServiceAccount(String username) {
        return dsl.fetchExists(USERS, USERS.USERNAME.eq(username).and(USERS.SERVICE_ACCOUNT.isTrue()));
    }

    Optional<Long> userId(String username) {
        return dsl.select(USERS.ID).from(USERS).where(USERS.USERNAME.eq(username)).fetchOptional(USERS.ID);
    }

    private static TokenSummary summary(Record row) {
        return new TokenSummary(row.get(API_TOKENS.ID), row.get(USERS.USERNAME), row.get(API_TOKENS.NAME),
                row.get(API_TOKENS.TOKEN_PREFIX), ApiScope.parse(row.get(API_TOKENS.SCOPES)),
                row.get(API_TOKENS.CREATED_BY), instant(row.get(API_TOKENS.CREATED_AT)),
                instant(row.get(API_TOKENS.EXPIRES_AT)), instant(row.get(API_TOKENS.REVOKED_AT)),
                instant(row.get(API_TOKENS.LAST_USED_AT)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
