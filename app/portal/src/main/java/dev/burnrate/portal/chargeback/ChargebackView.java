package dev.burnrate.portal.chargeback;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.base.chart.EChart;
import dev.burnrate.portal.report.ReportDownloads;
import dev.burnrate.portal.budget.Money;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Showback and chargeback: per team direct and shared cost of a month, billed and amortised, and the split rule. */
@Route("chargeback")
@PageTitle("Chargeback · Burnrate")
@Menu(order = 39, title = "Chargeback", icon = "vaadin:pie-chart")
@PermitAll
public class ChargebackView extends VerticalLayout {

    static final String SHARED_COST = "Direct cost is the cost of rows tagged with a team. Shared cost is the cost of"
            + " rows tagged with a shared team and, if so configured, of rows without a team tag; it is split between"
            + " the other teams by the rule below. What no team can receive is shown as Unallocated, so each"
            + " currency's lines add up to the invoice (BilledCost) to the cent. Billed shows commitments when"
            + " bought; amortised (EffectiveCost) spreads them over the usage they cover.";

    private final ChargebackService service;
    private final ComboBox<YearMonth> period = new ComboBox<>("Period");
    private final Paragraph ruleText = new Paragraph();
    private final VerticalLayout statements = new VerticalLayout();

    public ChargebackView(ChargebackService service) {
        this.service = service;
        addClassName("chargeback-view");
        setWidthFull();
        List<YearMonth> months = service.recentMonths();
        period.setId("chargeback-period");
        period.setItems(months);
        period.setItemLabelGenerator(YearMonth::toString);
        period.setValue(months.get(1));
        period.addValueChangeListener(e -> refresh());
        ruleText.setId("chargeback-rule");
        statements.setPadding(false);
        Paragraph definition = new Paragraph(SHARED_COST);
        definition.setId("chargeback-definition");
        add(new H2("Showback and chargeback"), definition, period, ruleText);
        if (service.canEditRule()) {
            add(ruleEditor());
        }
        add(statements);
        refresh();
    }

    private VerticalLayout ruleEditor() {
        ChargebackRule rule = service.rule();
        RadioButtonGroup<SplitRule> split = new RadioButtonGroup<>("Split shared cost");
        split.setId("chargeback-split");
        split.setItems(SplitRule.values());
        split.setItemLabelGenerator(s -> switch (s) {
            case EVEN -> "Even";
            case PROPORTIONAL -> "Proportional to direct cost";
            case FIXED -> "Fixed shares";
        });
        split.setValue(rule.split());
        TextField shared = new TextField("Shared teams (comma-separated)", String.join(", ", rule.sharedTeams()), "");
        shared.setId("chargeback-shared-teams");
        Checkbox untagged = new Checkbox("Split untagged cost as shared cost", rule.splitUntagged());
        untagged.setId("chargeback-split-untagged");
        TextArea shares = new TextArea("Fixed shares (one per line: team = percent)");
        shares.setId("chargeback-fixed-shares");
        shares.setValue(FixedSharesText.format(rule.fixedShares()));
        shares.setWidth("24em");
        Paragraph error = new Paragraph();
        error.setId("chargeback-rule-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        int[] version = {rule.version()};
        Button save = new Button("Save rule", e -> {
            try {
                TreeSet<String> sharedTeams = new TreeSet<>(Arrays.stream(shared.getValue().split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList());
                ChargebackRule saved = service.saveRule(new ChargebackRule(split.getValue(), sharedTeams,
                        untagged.getValue(), FixedSharesText.parse(shares.getValue()), version[0]));
                version[0] = saved.version();
                error.setText("");
                refresh();
            } catch (IllegalArgumentException | IllegalStateException ex) {
                error.setText(ex.getMessage());
            }
        });
        save.setId("chargeback-save-rule");
        VerticalLayout editor = new VerticalLayout(new H3("Split rule"), split,
                new HorizontalLayout(shared, untagged), shares, save, error);
        editor.setPadding(false);
        return editor;
    }

    private void refresh() {
        ruleText.setText("Rule: " + service.rule().describe());
        statements.removeAll();
        List<ChargebackStatement> list = service.statements(period.getValue());
        if (list.isEmpty()) {
            statements.add(new Paragraph("No billing data counts toward budgets in " + period.getValue() + "."));
        }
        if (!list.isEmpty()) {
            Paragraph versions = new Paragraph("Computed from " + list.getFirst().versions().describe());
            versions.setId("chargeback-versions");
            statements.add(versions);
        }
        for (ChargebackStatement s : list) {
            if (s.scoped() && s.lines().isEmpty()) {
                continue; // none of the reader's teams has cost in this currency
            }
            statements.add(new H3(s.month() + " · " + s.currency()));
            if (!s.scoped()) {
                Paragraph totals = new Paragraph("Invoice (BilledCost): " + money(s.invoice(), s.currency())
                        + " · amortised (EffectiveCost): " + money(s.effective(), s.currency()));
                totals.setId("chargeback-invoice-" + s.currency());
                statements.add(totals);
            }
            statements.add(grid(s));
            String state = service.signOffState(s.month());
            statements.add(new ReportDownloads("chargeback-" + s.month() + "-" + s.currency(),
                    () -> service.report(s, state)));
            EChart chart = new EChart();
            chart.setId("chargeback-chart-" + s.currency());
            chart.setOption(ChargebackCharts.option(s));
            statements.add(chart);
        }
    }

    private static Grid<ChargebackLine> grid(ChargebackStatement s) {
        String c = s.currency();
        Grid<ChargebackLine> grid = new Grid<>(ChargebackLine.class, false);
        grid.setId("chargeback-grid-" + c);
        grid.addColumn(ChargebackLine::label).setHeader("Team").setAutoWidth(true).setKey("team");
        grid.addColumn(l -> money(l.directBilled(), c)).setHeader("Direct billed").setAutoWidth(true);
        grid.addColumn(l -> money(l.sharedBilled(), c)).setHeader("Shared billed").setAutoWidth(true);
        grid.addColumn(l -> money(l.billed(), c)).setHeader("Billed").setAutoWidth(true).setKey("billed");
        grid.addColumn(l -> money(l.effective(), c)).setHeader("Amortised").setAutoWidth(true).setKey("effective");
        grid.setItems(s.lines());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static String money(BigDecimal amount, String currency) {
        return Money.of(amount.doubleValue(), currency);
    }
}
