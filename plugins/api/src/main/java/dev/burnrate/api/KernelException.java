package dev.burnrate.api;

/** A kernel could not run: unknown name, bad arguments, or a device error. */
public class KernelException extends Exception {
    public KernelException(String message) {
        super(message);
    }

    public KernelException(String message, Throwable cause) {
        super(message, cause);
    }
}
