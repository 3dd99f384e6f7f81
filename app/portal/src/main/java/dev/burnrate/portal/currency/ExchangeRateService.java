package dev.burnrate.portal.currency;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.budget.SpendChanged;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dated exchange-rate table budgets convert foreign-currency spend with. Nothing fills it automatically: a
 * rate is a finance decision, entered (and corrected) by an admin or finance, and every change is audited. Spend
 * in a currency without a rate is left out of a budget and the Budgets page says so.
 */
@Service
public class ExchangeRateService {

    private final ExchangeRateRepository repository;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ExchangeRateService(ExchangeRateRepository repository, AuditService audit, CurrentUser currentUser,
                               TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.currentUser = currentUser;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /** Every rate, by pair and date. Rates are not secret: everyone who sees a budget may see how it converts. */
    @PermitAll
    public List<ExchangeRate> rates() {
        return repository.all();
    }

    /** The table as it stands now, for converting. */
    @PermitAll
    public ExchangeRates table() {
        return repository.table();
    }

    /**
     * Sets the rate of a pair from a day on ({@code 1 from = rate to}), replacing that day's rate if there is one.
     *
     * @throws IllegalArgumentException naming the bad field: a code that is not ISO 4217, the same currency twice,
     *                                  or a rate that is not a positive number
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public ExchangeRate set(String from, String to, LocalDate date, double rate) {
        ExchangeRate entry = new ExchangeRate(from, to, date, rate);
        tx.executeWithoutResult(status -> {
            Optional<ExchangeRate> before = repository.find(entry.from(), entry.to(), entry.date());
            repository.put(entry, currentUser.actor(), clock.instant());
            audit.record("exchange-rate.set", target(entry.from(), entry.to(), entry.date()),
                    before.map(ExchangeRateService::auditView).orElse(null), auditView(entry));
        });
        events.publishEvent(new SpendChanged("exchange rates"));
        return entry;
    }

    /** Removes a pair's rate of one day; returns false when there was none. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public boolean delete(String from, String to, LocalDate date) {
        Boolean deleted = tx.execute(status -> {
            Optional<ExchangeRate> before = repository.find(from, to, date);
            if (before.isEmpty()) {
                return false;
            }
            repository.delete(from, to, date);
            audit.record("exchange-rate.delete", target(from, to, date), auditView(before.get()), null);
            return true;
        });
        if (Boolean.TRUE.equals(deleted)) {
            events.publishEvent(new SpendChanged("exchange rates"));
        }
        return Boolean.TRUE.equals(deleted);
    }

    private static String target(String from, String to, LocalDate date) {
        return "exchange-rate:" + from + "→" + to + "@" + date;
    }

    private static Map<String, Object> auditView(ExchangeRate r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", r.from());
        view.put("to", r.to());
        view.put("date", r.date().toString());
        view.put("rate", r.rate());
        return view;
    }
}
