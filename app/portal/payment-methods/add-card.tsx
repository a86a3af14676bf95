"use client";

import { AddCardPanel } from "@/components/payments/add-card-panel";
import { confirmTestCardAction } from "./confirm-test-card-action";
import { finishCardSetupAction } from "./finish-card-setup-action";
import { startCardSetupAction } from "./start-card-setup-action";

export function AddCard() {
  return (
    <AddCardPanel
      start={() => startCardSetupAction({})}
      finish={finishCardSetupAction}
      testConfirm={confirmTestCardAction}
    />
  );
}
