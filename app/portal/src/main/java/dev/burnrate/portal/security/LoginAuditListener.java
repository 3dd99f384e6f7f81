package dev.burnrate.portal.security;

import dev.burnrate.portal.audit.AuditService;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Puts logins and failed logins into the audit log (never the password, only the name tried). */
@Component
class LoginAuditListener {

    private final AuditService audit;

    LoginAuditListener(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String user = event.getAuthentication().getName();
        audit.recordAs(user, "auth.login", "user:" + user, null, null);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String user = String.valueOf(event.getAuthentication().getName());
        audit.recordAs(user, "auth.login-failed", "user:" + user, null,
                Map.of("reason", event.getException().getClass().getSimpleName()));
    }
}
