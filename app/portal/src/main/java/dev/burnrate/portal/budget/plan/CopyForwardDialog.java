package dev.burnrate.portal.budget.plan;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Copy-forward of one budget: a year's plan from last year's plan or from the spend forecast, plus a percentage.
 * Preview shows what would be set (and what could not be); Apply saves it as one audited edit.
 */
class CopyForwardDialog extends Dialog {

    private final BudgetPlanService service;
    private final BudgetPlan plan;
    private final Select<CopyForward.Source> source = new Select<>();
    private final IntegerField year = new IntegerField("Year to plan");
    private final TextField percent = new TextField("Change, %");
    private final UnorderedList preview = new UnorderedList();

    CopyForwardDialog(BudgetPlanService service, BudgetPlan plan, int targetYear, Runnable saved) {
        this.service = service;
        this.plan = plan;
        setHeaderTitle("Copy forward " + plan.name());
        setId("plan-copy-forward");
        source.setLabel("From");
        source.setItems(CopyForward.Source.values());
        source.setItemLabelGenerator(CopyForward.Source::label);
        source.setValue(CopyForward.Source.LAST_YEAR);
        year.setValue(targetYear);
        percent.setValue("0");
        percent.setHelperText("e.g. 5 or -2.5; amounts are rounded half-even to the cent");
        preview.setId("plan-copy-preview");
        add(new FormLayout(source, year, percent), new Paragraph("Periods of the year that get a figure are "
                + "replaced; the others keep their plan."), preview);
        Button show = new Button("Preview", e -> preview());
        Button apply = new Button("Apply", e -> {
            try {
                service.copyForward(plan.id(), plan.version(), request());
                close();
                saved.run();
            } catch (PlanValidationException ex) {
                showErrors(ex);
            } catch (StalePlanException ex) {
                BudgetPlansView.error(ex.getMessage());
            }
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setId("plan-copy-apply");
        getFooter().add(new Button("Cancel", e -> close()), show, apply);
    }

    private CopyForward request() {
        return new CopyForward(source.getValue(), year.getValue() == null ? 0 : year.getValue(), percent.getValue());
    }

    private void preview() {
        preview.removeAll();
        percent.setInvalid(false);
        source.setInvalid(false);
        try {
            CopyForward.Result result = service.previewCopyForward(plan.id(), request());
            result.amounts().forEach((start, amount) -> preview.add(new ListItem(PlanPeriods.label(start,
                    plan.granularity()) + ": " + PlanPeriods.money(amount, plan.currency()))));
            result.notes().forEach(n -> preview.add(new ListItem(n)));
        } catch (PlanValidationException ex) {
            showErrors(ex);
        } catch (StalePlanException ex) {
            BudgetPlansView.error(ex.getMessage());
        }
    }

    private void showErrors(PlanValidationException ex) {
        ex.errors().forEach((key, message) -> {
            switch (key) {
                case "percent" -> {
                    percent.setErrorMessage(message);
                    percent.setInvalid(true);
                }
                case "source" -> {
                    source.setErrorMessage(message);
                    source.setInvalid(true);
                }
                default -> BudgetPlansView.error(key + ": " + message);
            }
        });
    }
}
