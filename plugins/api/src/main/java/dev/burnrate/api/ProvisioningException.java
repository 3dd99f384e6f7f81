package dev.burnrate.api;

/** A provider refused or failed a provisioning call. The message is shown to the user; keep secrets out of it. */
public class ProvisioningException extends Exception {
    public ProvisioningException(String message) {
        super(message);
    }

    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
