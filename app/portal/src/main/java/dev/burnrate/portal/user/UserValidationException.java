package dev.burnrate.portal.user;

/** A user or team change was refused; the message names the field and the reason, for the form to show. */
public class UserValidationException extends RuntimeException {

    private final String field;

    public UserValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
