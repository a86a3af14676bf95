// The email sent instead of the confirmation when a checkout used the address of an existing
// login. Only the mailbox's owner reads it, so it may say what the checkout page must not: that
// the address is known. No agreement is attached: the account holder sees it after signing in.
export function heldOrderEmail(opts: {
  ispName: string;
  ownerName: string;
  /** Staff sign-ins hold no services: they are told to order with a personal address. */
  ownerIsStaff: boolean;
  orderNumber: string;
  planName: string;
  serviceAddress: string;
  confirmUrl: string;
}) {
  const placed = `Someone placed order ${opts.orderNumber} with ${opts.ispName} using this email address: ${opts.planName} at ${opts.serviceAddress}.`;
  const next = opts.ownerIsStaff
    ? [
        "This address belongs to a staff sign-in, which cannot hold services. If it was you, place the order again with a personal email address; a colleague will cancel this one.",
        "If it was not you, there is nothing to do: the order waits in the back office and nothing is installed or billed.",
      ]
    : [
        `This address already has an account with us, so the order waits for you. If it was you, sign in to add it to your account: ${opts.confirmUrl}`,
        "If it was not you, there is nothing to do: nothing is installed or billed unless you confirm. You can also decline it at the same link.",
      ];
  const text = [`Hello ${opts.ownerName},`, "", placed, "", ...next, "", opts.ispName].join("\n");
  return { subject: `${opts.ispName}: please confirm order ${opts.orderNumber}`, text };
}
