package dev.burnrate.portal.security.oidc;

import static dev.burnrate.portal.db.Tables.USERS;

import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Data access for users that sign in through the identity provider. No authorisation here: the service does it. */
@Repository
class ExternalUserRepository {

    /** A local user row as far as SSO cares: who it is, whether the IdP owns it, whether it may log in. */
    record LocalUser(long id, String username, String externalIssuer, String externalSubject, boolean enabled) {
        boolean isExternal() {
            return externalSubject != null;
        }
    }

    private final DSLContext dsl;

    ExternalUserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<LocalUser> findByExternalId(String issuer, String subject) {
        return dsl.selectFrom(USERS)
                .where(USERS.EXTERNAL_ISSUER.eq(issuer)).and(USERS.EXTERNAL_SUBJECT.eq(subject))
                .fetchOptional(r -> new LocalUser(r.getId(), r.getUsername(), r.getExternalIssuer(),
                        r.getExternalSubject(), r.getEnabled()));
    }

    Optional<LocalUser> findByUsername(String username) {
        return dsl.selectFrom(USERS).where(USERS.USERNAME.equalIgnoreCase(username))
                .fetchOptional(r -> new LocalUser(r.getId(), r.getUsername(), r.getExternalIssuer(),
                        r.getExternalSubject(), r.getEnabled()));
    }

    /** A user without a password: only the identity provider can log them in. */
    long insert(String username, String displayName, String email, String issuer, String subject) {
        return dsl.insertInto(USERS)
                .set(USERS.USERNAME, username)
                .set(USERS.DISPLAY_NAME, displayName)
                .set(USERS.EMAIL, email)
                .set(USERS.EXTERNAL_ISSUER, issuer)
                .set(USERS.EXTERNAL_SUBJECT, subject)
                .returning(USERS.ID).fetchSingle().getId();
    }

    void updateProfile(long id, String displayName, String email) {
        dsl.update(USERS).set(USERS.DISPLAY_NAME, displayName).set(USERS.EMAIL, email)
                .where(USERS.ID.eq(id)).execute();
    }
}
