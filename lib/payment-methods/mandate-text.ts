/** The debit-order mandate the signer accepts together with the agreement. */
export function mandateText(opts: {
  creditor: string;
  accountHolder: string;
  masked: string;
}): string {
  return (
    `I, ${opts.accountHolder}, authorise ${opts.creditor} to collect the amounts due under this agreement from account ${opts.masked} ` +
    `by debit order, on or after each invoice's due date, until I cancel this mandate in writing. I may dispute a debit with my bank ` +
    `within the period its rules allow. The mandate reference on this document identifies these collections.`
  );
}
