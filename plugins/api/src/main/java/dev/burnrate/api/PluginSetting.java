package dev.burnrate.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting a plugin declares (see {@link BurnrateExtension#settings()}). The portal renders a form from the
 * declarations on Admin &gt; Plugins, checks each value against its {@link Type} and hands the values to the plugin
 * through {@link PluginContext#setting(String)}. A {@link Type#SECRET} is encrypted at rest, never shown again, never
 * logged and never audited; only the plugin's own context returns it decrypted. Since API 1.3.0.
 *
 * @param key          the name the plugin reads it by: lower-case letters, digits, dots and dashes, e.g.
 *                     {@code api-key}
 * @param label        what the form calls it, e.g. {@code API key}
 * @param type         what values are valid
 * @param required     whether the plugin cannot work without it (the admin page lists the missing ones)
 * @param description  a sentence for the form, or {@code null}
 * @param defaultValue the value the form suggests when none is stored, or {@code null}; never for a secret.
 *                     The portal does not apply it by itself: a plugin that reads no value applies its own default
 */
public record PluginSetting(String key, String label, Type type, boolean required, String description,
                            String defaultValue) {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,79}");

    /** What values a setting takes. Since API 1.3.0. */
    public enum Type {
        /** Any text. */
        STRING,
        /** A whole number (a Java {@code long}). */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** An absolute {@code http} or {@code https} URL. */
        URL,
        /** Any text that must stay secret: an API key, a password, a token. */
        SECRET
    }

    public PluginSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("setting key '" + key
                    + "' must be lower-case letters, digits, dots and dashes (at most 80)");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("setting '" + key + "' needs a label");
        }
        if (defaultValue != null && type == Type.SECRET) {
            throw new IllegalArgumentException("secret setting '" + key + "' cannot have a default value");
        }
        if (defaultValue != null) {
            String problem = problemWith(type, defaultValue);
            if (problem != null) {
                throw new IllegalArgumentException("setting '" + key + "': default " + problem);
            }
        }
    }

    /** An optional text setting. */
    public static PluginSetting string(String key, String label) {
        return new PluginSetting(key, label, Type.STRING, false, null, null);
    }

    /** An optional whole-number setting. */
    public static PluginSetting integer(String key, String label) {
        return new PluginSetting(key, label, Type.INTEGER, false, null, null);
    }

    /** An optional yes/no setting. */
    public static PluginSetting bool(String key, String label) {
        return new PluginSetting(key, label, Type.BOOLEAN, false, null, null);
    }

    /** An optional http(s) URL setting. */
    public static PluginSetting url(String key, String label) {
        return new PluginSetting(key, label, Type.URL, false, null, null);
    }

    /** An optional secret (encrypted at rest, never shown again). */
    public static PluginSetting secret(String key, String label) {
        return new PluginSetting(key, label, Type.SECRET, false, null, null);
    }

    /** This setting, marked required. */
    public PluginSetting asRequired() {
        return new PluginSetting(key, label, type, true, description, defaultValue);
    }

    /** This setting with a description for the form. */
    public PluginSetting withDescription(String text) {
        return new PluginSetting(key, label, type, required, text, defaultValue);
    }

    /** This setting with a suggested value (not for secrets). */
    public PluginSetting withDefault(String value) {
        return new PluginSetting(key, label, type, required, description, value);
    }

    /** True for a {@link Type#SECRET}. */
    public boolean secret() {
        return type == Type.SECRET;
    }

    /**
     * Checks a value against this setting's type (an empty value is never valid: a setting is either set or not).
     *
     * @return what is wrong, naming neither the key nor (for a secret) the value; empty when the value is valid
     */
    public Optional<String> check(String value) {
        return Optional.ofNullable(problemWith(type, value));
    }

    private static String problemWith(Type type, String value) {
        if (value == null || value.isBlank()) {
            return "must not be empty";
        }
        return switch (type) {
            case STRING, SECRET -> null;
            case INTEGER -> isLong(value.strip()) ? null : "must be a whole number, not '" + value + "'";
            case BOOLEAN -> {
                String v = value.strip().toLowerCase(Locale.ROOT);
                yield v.equals("true") || v.equals("false") ? null : "must be true or false, not '" + value + "'";
            }
            case URL -> isHttpUrl(value.strip()) ? null
                    : "must be an absolute http:// or https:// URL, not '" + value + "'";
        };
    }

    private static boolean isLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
