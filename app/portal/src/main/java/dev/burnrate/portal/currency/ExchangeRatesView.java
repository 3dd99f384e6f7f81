package dev.burnrate.portal.currency;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/** Admin > Exchange rates: the dated rates budgets convert spend in other currencies with. */
@Route("admin/exchange-rates")
@PageTitle("Exchange rates · Burnrate")
@Menu(order = 95, title = "Admin · Exchange rates", icon = "vaadin:exchange")
@RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
public class ExchangeRatesView extends VerticalLayout {

    private final ExchangeRateService service;
    private final Grid<ExchangeRate> grid = new Grid<>(ExchangeRate.class, false);

    public ExchangeRatesView(ExchangeRateService service) {
        this.service = service;
        addClassName("exchange-rates-view");
        TextField from = new TextField("From (ISO 4217)");
        from.setId("rate-from");
        from.setPlaceholder("EUR");
        TextField to = new TextField("To");
        to.setId("rate-to");
        to.setValue("USD");
        DatePicker date = new DatePicker("Valid from");
        date.setId("rate-date");
        NumberField rate = new NumberField("1 From = ? To");
        rate.setId("rate-value");
        Button save = new Button("Save", e -> {
            try {
                if (date.getValue() == null || rate.getValue() == null) {
                    throw new IllegalArgumentException("give the date the rate is valid from and the rate");
                }
                service.set(code(from), code(to), date.getValue(), rate.getValue());
                Notification.show("Saved", 2000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (IllegalArgumentException invalid) {
                Notification.show(invalid.getMessage(), 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("rate-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(from, to, date, rate, save);
        form.setAlignItems(Alignment.BASELINE);
        grid.setId("rates-grid");
        grid.addColumn(ExchangeRate::pair).setHeader("Pair").setAutoWidth(true);
        grid.addColumn(r -> r.date().toString()).setHeader("Valid from").setAutoWidth(true);
        grid.addColumn(r -> String.valueOf(r.rate())).setHeader("Rate").setAutoWidth(true);
        grid.addComponentColumn(r -> new Button("Delete", e -> {
            service.delete(r.from(), r.to(), r.date());
            refresh();
        })).setAutoWidth(true);
        add(new H2("Exchange rates"), new Paragraph("Spend in another currency than a budget's counts toward it only "
                + "at a rate from this table: the pair's rate of the charge's day, or the nearest earlier one. Without "
                + "one the spend is left out and the Budgets page says so. Every change is in the audit log."),
                form, grid);
        refresh();
    }

    private static String code(TextField field) {
        return field.getValue() == null ? "" : field.getValue().trim().toUpperCase(Locale.ROOT);
    }

    private void refresh() {
        grid.setItems(service.rates());
    }
}
