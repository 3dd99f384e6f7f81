package dev.burnrate.portal.api.token;

/** A newly created token: the only time its secret is known. */
public record CreatedToken(TokenSummary token, String secret) {

    public long id() {
        return token.id();
    }

    @Override
    public String toString() {
        return "CreatedToken[" + token + ", secret=<hidden>]";
    }
}
