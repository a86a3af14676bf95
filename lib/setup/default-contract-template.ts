// Version 1 of the service agreement. {{placeholders}} are filled from the order at signing.
export const DEFAULT_CONTRACT_TEMPLATE = {
  title: "Internet Service Agreement",
  body: `This agreement is between {{isp.name}} ("we") and {{customer.name}} ("you") for internet service at {{service.address}}.

1. Service. We provide the services listed in the schedule below from the date we activate them. Speeds are the maximum line rates; actual throughput depends on the network, your equipment and the sites you visit.
2. Term. The minimum term is {{contract.term}}. After it the agreement continues month to month until either of us ends it with one calendar month's notice.
3. Charges. You pay the monthly charges in advance and once-off charges on your next invoice. Prices include tax where shown. Invoices are due {{payment.terms}} after issue.
4. Early termination. If you cancel inside the minimum term, an early-termination fee applies: {{contract.early_termination}}.
5. Payment. You authorise us to collect the amounts due by the payment method you chose. You may change it in the customer portal.
6. Fair use. You will not use the service unlawfully or in a way that degrades it for others. {{plan.fair_use}}
7. Equipment. Equipment we rent to you stays ours and must be returned when the service ends.
8. Suspension. We may suspend the service if an invoice remains unpaid after reminders; it is restored when the account is settled.
9. Privacy. We process your personal information to provide and bill the service, as described in our privacy notice, and in line with applicable data-protection law (POPIA/GDPR). Marketing is sent only if you opted in.
10. Entire agreement. This agreement, the schedule and our standard terms published on our website are the whole agreement between us.`,
};
