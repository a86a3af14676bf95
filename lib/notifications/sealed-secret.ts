// One-time links (password reset, staff invitation) must not sit anywhere in a usable form: the
// outbox row keeps the body with SECRET_MARK where the token goes and the token itself sealed
// (AES-256-GCM, ENCRYPTION_KEY); the token is put in only on the way to the SMTP server, and
// the sealed copy is dropped once the message is sent. Offline .eml files keep the mark and
// carry the sealed token in a header, which only admins' mail viewer opens.
import { decryptSecret, encryptSecret } from "@/lib/crypto/encrypt";

export const SECRET_MARK = "{{secret}}";
/** What an offline .eml shows in place of the token. */
export const SEALED_NOTE = "[sealed: an administrator can open this link in Admin → Outgoing mail]";
export const SEALED_HEADER = "x-lastmile-sealed-secret";

export const sealSecret = (token: string) => encryptSecret(token);

/** The body with the real token, for the recipient's mailbox only. */
export const revealSecret = (body: string, sealed: string) =>
  body.replaceAll(SECRET_MARK, decryptSecret(sealed));

/** The body as stored on disk: no token in it. */
export const hideSecret = (body: string) => body.replaceAll(SECRET_MARK, SEALED_NOTE);

/** An offline file's body with its sealed token opened again (admins' mail viewer). */
export const openSealedFile = (body: string, sealed: string) =>
  body.replaceAll(SEALED_NOTE, decryptSecret(sealed));
