package dev.burnrate.portal.budget.plan;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates or edits one budget: its fields and one year's plan, a field per month or quarter. Other years' amounts
 * are kept as they are. Every refused field shows its message; a stale edit says who changed the budget.
 */
class PlanEditorDialog extends Dialog {

    private final BudgetPlanService service;
    private final BudgetPlan plan;
    private final int year;
    private final Runnable saved;
    private final TextField id = new TextField("Id");
    private final TextField name = new TextField("Name");
    private final ComboBox<String> owner = new ComboBox<>("Owner");
    private final Select<BudgetScope.Kind> scopeKind = new Select<>();
    private final TextField scopeValue = new TextField("Scope value");
    private final Select<CostMetric> metric = new Select<>();
    private final TextField currency = new TextField("Currency");
    private final Select<PlanGranularity> granularity = new Select<>();
    private final ComboBox<String> parent = new ComboBox<>("Rolls up to");
    private final FormLayout periods = new FormLayout();
    private final Map<LocalDate, TextField> amountFields = new LinkedHashMap<>();

    PlanEditorDialog(BudgetPlanService service, BudgetPlan plan, int year, Runnable saved) {
        this.service = service;
        this.plan = plan;
        this.year = year;
        this.saved = saved;
        setHeaderTitle(plan == null ? "New budget" : "Edit " + plan.name());
        setId("plan-editor");
        setWidth("900px");
        owner.setItems(service.owners());
        scopeKind.setLabel("Scope");
        scopeKind.setItems(BudgetScope.Kind.values());
        scopeKind.setItemLabelGenerator(BudgetScope.Kind::label);
        scopeValue.setHelperText("team or project name, account id, service name, or key=value for a tag");
        metric.setLabel("Cost metric");
        metric.setItems(CostMetric.values());
        metric.setItemLabelGenerator(CostMetric::column);
        granularity.setLabel("Planned per");
        granularity.setItems(PlanGranularity.values());
        granularity.setItemLabelGenerator(g -> g == PlanGranularity.MONTH ? "month" : "quarter");
        parent.setItems(service.visible().stream().map(BudgetPlan::id)
                .filter(p -> plan == null || !p.equals(plan.id())).toList());
        parent.setClearButtonVisible(true);
        if (plan == null) {
            scopeKind.setValue(BudgetScope.Kind.TEAM);
            metric.setValue(CostMetric.EFFECTIVE_COST);
            currency.setValue("USD");
            granularity.setValue(PlanGranularity.MONTH);
        } else {
            id.setValue(plan.id());
            id.setReadOnly(true);
            name.setValue(plan.name());
            owner.setValue(plan.owner());
            scopeKind.setValue(plan.scope().kind());
            scopeValue.setValue(plan.scope().value());
            metric.setValue(plan.metric());
            currency.setValue(plan.currency());
            granularity.setValue(plan.granularity());
            parent.setValue(plan.parentId());
        }
        granularity.addValueChangeListener(e -> periodFields());
        periodFields();
        add(new FormLayout(id, name, owner, scopeKind, scopeValue, metric, currency, granularity, parent),
                new H4("Plan for " + year + " (blank: no plan for the period)"), periods);
        Button save = new Button("Save", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("plan-save");
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void periodFields() {
        periods.removeAll();
        amountFields.clear();
        PlanGranularity g = granularity.getValue() == null ? PlanGranularity.MONTH : granularity.getValue();
        for (LocalDate start : PlanPeriods.of(year, g)) {
            TextField field = new TextField(PlanPeriods.label(start, g));
            field.setId("plan-amount-" + start);
            if (plan != null) {
                plan.amountFor(start).ifPresent(a -> field.setValue(a.toPlainString()));
            }
            amountFields.put(start, field);
            periods.add(field);
        }
        periods.setResponsiveSteps(new FormLayout.ResponsiveStep("0", g == PlanGranularity.MONTH ? 6 : 4));
    }

    private void save() {
        clearErrors();
        TreeMap<LocalDate, String> amounts = new TreeMap<>();
        if (plan != null) {
            // other years stay as they are; this year's periods are what the fields say
            PlanDraft.of(plan).amounts().forEach((start, text) -> {
                if (start.getYear() != year) {
                    amounts.put(start, text);
                }
            });
        }
        amountFields.forEach((start, field) -> amounts.put(start, field.getValue()));
        PlanDraft draft = new PlanDraft(id.getValue(), name.getValue(), owner.getValue(),
                scopeKind.getValue() == null ? "" : scopeKind.getValue().name(), scopeValue.getValue(),
                metric.getValue() == null ? "" : metric.getValue().name(), currency.getValue(),
                granularity.getValue() == null ? "" : granularity.getValue().name(), parent.getValue(), amounts);
        try {
            if (plan == null) {
                service.create(draft);
            } else {
                service.update(plan.id(), plan.version(), draft);
            }
            close();
            saved.run();
        } catch (PlanValidationException e) {
            StringBuilder elsewhere = new StringBuilder();
            e.errors().forEach((key, message) -> {
                HasValidation field = field(key);
                if (field == null) {
                    elsewhere.append(key).append(": ").append(message).append("; ");
                } else {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                }
            });
            if (!elsewhere.isEmpty()) {
                BudgetPlansView.error(elsewhere.toString());
            }
        } catch (StalePlanException e) {
            BudgetPlansView.error(e.getMessage());
        }
    }

    private HasValidation field(String key) {
        if (key.startsWith("amount:")) {
            return amountFields.get(LocalDate.parse(key.substring("amount:".length())));
        }
        return switch (key) {
            case "id" -> id;
            case "name" -> name;
            case "owner" -> owner;
            case "scope" -> scopeValue;
            case "metric" -> metric;
            case "currency" -> currency;
            case "granularity" -> granularity;
            case "parent" -> parent;
            default -> null;
        };
    }

    private void clearErrors() {
        for (HasValidation f : new HasValidation[] {id, name, owner, scopeValue, metric, currency, granularity,
                parent}) {
            f.setInvalid(false);
        }
        amountFields.values().forEach(f -> f.setInvalid(false));
    }
}
