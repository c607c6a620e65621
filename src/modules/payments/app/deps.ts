import type { Logger } from 'pino';
import type { Platform } from '../../../platform/module.ts';
import type { UserDirectory } from '../../../platform/user-names.ts';
import type { ReservationsApi } from '../../reservations/contract.ts';
import type { PaymentProvider } from '../providers/provider.ts';
import type { SandboxProvider } from '../providers/sandbox.ts';

// Everything the payments use cases are built from, passed in explicitly.
export interface PaymentsDeps {
  readonly platform: Platform;
  readonly logger: Logger;
  readonly provider: PaymentProvider;
  /** Set when the provider is the sandbox: its checkout plays the payer's part of the widget. */
  readonly sandbox: SandboxProvider | undefined;
  readonly reservations: ReservationsApi;
  /** Accounts by id and by name/email/phone (the identity module's contract): the admin list's names and `q`. */
  readonly users: UserDirectory;
  /** The client key the browser's payment widget loads with. */
  readonly clientKey: string;
  /** Asks the refund worker to look for work soon (after a saga step committed a refund request). */
  readonly refundsRequested: () => void;
}

/** The sandbox's client key: shaped like Toss's test keys, worthless anywhere else. */
export const SANDBOX_CLIENT_KEY = 'test_ck_sandbox_CareNestLocalOnly000000';
