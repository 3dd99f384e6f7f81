package dev.burnrate.portal.api.token;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Who may scrape {@code /actuator/prometheus}: a token with the read scope, or any caller whose address lies in
 * {@code burnrate.metrics.allowed-networks} (a comma-separated CIDR list, empty by default), so a Prometheus server
 * inside the cluster needs no token. Addresses are the connection's (behind a proxy, configure
 * {@code server.forward-headers-strategy} so they are the client's).
 */
@Component
public class MetricsScrapeAccess implements AuthorizationManager<RequestAuthorizationContext> {

    static final String READ = "SCOPE_read";

    private final List<IpAddressMatcher> allowedNetworks;

    public MetricsScrapeAccess(@Value("${burnrate.metrics.allowed-networks:}") List<String> allowedNetworks) {
        this.allowedNetworks = allowedNetworks.stream().map(String::trim).filter(cidr -> !cidr.isEmpty())
                .map(MetricsScrapeAccess::matcher).toList();
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        String address = context.getRequest().getRemoteAddr();
        if (allowedNetworks.stream().anyMatch(network -> network.matches(address))) {
            return new AuthorizationDecision(true);
        }
        Authentication auth = authentication.get();
        boolean hasRead = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                && auth.getAuthorities().stream().anyMatch(a -> READ.equals(a.getAuthority()));
        return new AuthorizationDecision(hasRead);
    }

    private static IpAddressMatcher matcher(String cidr) {
        try {
            return new IpAddressMatcher(cidr);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("burnrate.metrics.allowed-networks: '" + cidr
                    + "' is not an address or CIDR network (e.g. 10.0.0.0/8): " + e.getMessage(), e);
        }
    }
}
