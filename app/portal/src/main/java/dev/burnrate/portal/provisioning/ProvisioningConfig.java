package dev.burnrate.portal.provisioning;

import dev.burnrate.engine.policy.budget.BudgetLedger;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ProvisioningConfig {

    @Bean
    ApprovalWorkflow approvalWorkflow(RequestRepository requests, ApprovalRepository approvals, BudgetLedger ledger,
                                      Clock clock) {
        return new ApprovalWorkflow(requests, approvals, ledger, clock);
    }
}
