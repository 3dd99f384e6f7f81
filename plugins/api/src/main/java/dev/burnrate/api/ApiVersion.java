package dev.burnrate.api;

/**
 * The version of this contract. Plugins declare the range they were built for with PF4J's
 * {@code Plugin-Requires} manifest entry (for example {@code >=1.0.0 & <2.0.0}); the host refuses a plugin whose
 * range does not contain {@link #CURRENT}. Minor versions only add; a major version may break.
 */
public final class ApiVersion {
    public static final String CURRENT = "1.3.0";

    /** The {@code Plugin-Requires} value a plugin built against this version should declare. */
    public static final String RECOMMENDED_REQUIRES = ">=" + CURRENT + " & <" + (major(CURRENT) + 1) + ".0.0";

    private ApiVersion() {
    }

    /**
     * Compares two {@code major.minor.patch} versions numerically (a pre-release or build suffix after {@code -}
     * or {@code +} is ignored).
     *
     * @return a negative number, zero or a positive number as {@code a} is older than, equal to or newer than
     *         {@code b}
     * @throws IllegalArgumentException if either is not a {@code major.minor.patch} version
     */
    public static int compare(String a, String b) {
        int[] x = parse(a);
        int[] y = parse(b);
        for (int i = 0; i < 3; i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return 0;
    }

    /**
     * True if a plugin built against API {@code builtAgainst} can run on this host: the same major version and
     * not newer than {@link #CURRENT} (it would call methods this host does not have).
     */
    public static boolean isCompatible(String builtAgainst) {
        return major(builtAgainst) == major(CURRENT) && compare(builtAgainst, CURRENT) <= 0;
    }

    /** The major part of a {@code major.minor.patch} version. */
    public static int major(String version) {
        return parse(version)[0];
    }

    private static int[] parse(String version) {
        if (version == null) {
            throw new IllegalArgumentException("version is missing");
        }
        String core = version.trim().split("[-+]", 2)[0];
        String[] parts = core.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a major.minor.patch version: '" + version + "'");
        }
        int[] numbers = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                numbers[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a major.minor.patch version: '" + version + "'", e);
            }
            if (numbers[i] < 0) {
                throw new IllegalArgumentException("negative version part in '" + version + "'");
            }
        }
        return numbers;
    }
}
