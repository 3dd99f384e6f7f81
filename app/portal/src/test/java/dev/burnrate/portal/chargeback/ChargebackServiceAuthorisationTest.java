package dev.burnrate.portal.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every public method of the chargeback service has its access rule; only the rule edit is for managers. */
class ChargebackServiceAuthorisationTest {

    @Test
    void everyPublicMethodHasItsAccessRule() {
        Map<String, String> rules = new TreeMap<>();
        for (Method m : ChargebackService.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                RolesAllowed roles = m.getAnnotation(RolesAllowed.class);
                String rule = roles != null ? String.join(",", roles.value())
                        : m.isAnnotationPresent(PermitAll.class) ? "signed in" : "none";
                rules.merge(m.getName(), rule, (a, b) -> a.equals(b) ? a : a + " / " + b);
            }
        }
        assertThat(rules).containsExactlyInAnyOrderEntriesOf(Map.of(
                "rule", "signed in",
                "canEditRule", "signed in",
                "saveRule", Role.Names.ADMIN + "," + Role.Names.FINANCE,
                "recentMonths", "signed in",
                "statements", "signed in",
                "signOffState", "signed in",
                "report", "signed in"));
    }
}
