// The default wording of each dunning message, per channel. Placeholders are {{name}}; the SMS
// text stays within one 160-character GSM-7 segment for typical values. Auto-pay customers are
// told when we will collect, never asked to pay (reminder-autopay).
export type DunningTemplateKey =
  | "reminder"
  | "reminder-autopay"
  | "overdue-notice"
  | "late-fee"
  | "soft-suspend"
  | "suspend"
  | "collections"
  | "restore"
  | "arrangement-agreed"
  | "arrangement-missed"
  | "arrangement-kept"
  | "arrangement-rejected";

export type MessageTemplate = { subject: string; text: string; sms: string };

const sign = "\n\n{{ispName}}";

export const DUNNING_TEMPLATES: Record<DunningTemplateKey, MessageTemplate> = {
  reminder: {
    subject: "Your invoice of {{amount}} is due on {{dueDate}}",
    text:
      "Hello {{firstName}},\n\nA friendly reminder: {{amount}} is due on {{dueDate}} on account {{accountNumber}}.\nPay online: {{payUrl}}" +
      sign,
    sms: "{{ispName}}: {{amount}} is due on {{dueDate}} (acc {{accountNumber}}). Pay: {{payUrl}}",
  },
  "reminder-autopay": {
    subject: "We will collect {{amount}} on {{dueDate}}",
    text:
      "Hello {{firstName}},\n\nWe will collect {{amount}} from your payment method on file on {{dueDate}}. There is nothing you need to do." +
      sign,
    sms: "{{ispName}}: we will collect {{amount}} on {{dueDate}} from your payment method on file. No action needed.",
  },
  "overdue-notice": {
    subject: "Payment of {{amount}} is overdue",
    text:
      "Hello {{firstName}},\n\n{{amount}} on account {{accountNumber}} was due on {{dueDate}} and is still unpaid.\nPay online: {{payUrl}}" +
      sign,
    sms: "{{ispName}}: {{amount}} was due {{dueDate}} and is unpaid (acc {{accountNumber}}). Pay: {{payUrl}}",
  },
  "late-fee": {
    subject: "A late payment fee of {{fee}} was added",
    text:
      "Hello {{firstName}},\n\nBecause {{amount}} due on {{dueDate}} is still unpaid, a late payment fee of {{fee}} was added to your account.\nPay online: {{payUrl}}" +
      sign,
    sms: "{{ispName}}: late fee {{fee}} added, {{amount}} due {{dueDate}} unpaid. Pay: {{payUrl}}",
  },
  "soft-suspend": {
    subject: "Your service has been slowed: {{amount}} overdue",
    text:
      "Hello {{firstName}},\n\nYour connection has been slowed because {{amount}} due on {{dueDate}} is unpaid. It returns to full speed as soon as you pay.\nPay online: {{payUrl}}\nOr open {{gardenUrl}} and sign in with your account number and PIN {{pin}}." +
      sign,
    sms: "{{ispName}}: service slowed, {{amount}} overdue. Pay to restore: {{payUrl}}",
  },
  suspend: {
    subject: "Your service is suspended: {{amount}} overdue",
    text:
      "Hello {{firstName}},\n\nYour service has been suspended because {{amount}} due on {{dueDate}} is unpaid. It is restored as soon as you pay.\nPay online: {{payUrl}}\nOr open {{gardenUrl}} and sign in with your account number and PIN {{pin}}." +
      sign,
    sms: "{{ispName}}: service suspended, {{amount}} overdue. Pay to restore: {{payUrl}}",
  },
  collections: {
    subject: "Final notice: {{amount}} overdue",
    text:
      "Hello {{firstName}},\n\n{{amount}} due on {{dueDate}} remains unpaid and your account has been handed to collections. Pay now to stop this: {{payUrl}}" +
      sign,
    sms: "{{ispName}}: FINAL NOTICE, {{amount}} handed to collections. Pay: {{payUrl}}",
  },
  restore: {
    subject: "Your service is restored",
    text:
      "Hello {{firstName}},\n\nThank you for your payment. Your service is back to normal." + sign,
    sms: "{{ispName}}: thank you for your payment, your service is restored.",
  },
  "arrangement-agreed": {
    subject: "Your payment arrangement for {{amount}} is agreed",
    text:
      "Hello {{firstName}},\n\nYour payment arrangement on account {{accountNumber}} is agreed. While you keep to it we send no reminders and take no further steps.\n\n{{schedule}}\n\nYour first payment of {{nextAmount}} is due on {{nextDueDate}}. Pay online: {{payUrl}}" +
      sign,
    sms: "{{ispName}}: arrangement agreed for {{amount}}. First payment {{nextAmount}} due {{nextDueDate}}. Pay: {{payUrl}}",
  },
  "arrangement-missed": {
    subject: "Your payment arrangement has lapsed",
    text:
      "Hello {{firstName}},\n\nThe payment of {{nextAmount}} due on {{nextDueDate}} under your payment arrangement was not received, so the arrangement has lapsed and {{amount}} on account {{accountNumber}} is overdue again.\nPay online: {{payUrl}}" +
      sign,
    sms: "{{ispName}}: arrangement payment {{nextAmount}} due {{nextDueDate}} missed; {{amount}} is overdue. Pay: {{payUrl}}",
  },
  "arrangement-kept": {
    subject: "Your payment arrangement is complete",
    text:
      "Hello {{firstName}},\n\nThank you: every payment under your arrangement is in, and account {{accountNumber}} is up to date." +
      sign,
    sms: "{{ispName}}: thank you, your payment arrangement is complete.",
  },
  "arrangement-rejected": {
    subject: "About your payment arrangement proposal",
    text:
      "Hello {{firstName}},\n\nWe could not accept the payment arrangement you proposed for {{amount}}: {{reason}}\nYou can propose another one in your account, or pay online: {{payUrl}}" +
      sign,
    sms: "{{ispName}}: your arrangement proposal was not accepted, see your email. Pay: {{payUrl}}",
  },
};

export function renderTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");
}
