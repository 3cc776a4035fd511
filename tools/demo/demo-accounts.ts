import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from '@redcrowd/accounts';
import { AccountRepository, type NewMembership, type UnitOfWork } from '@redcrowd/persistence';
import { DEMO_ALLIANCE, DEMO_COMMUNITIES, DEMO_UNITS } from './demo-alliance';

export interface DemoAccount {
  label: string;
  login: string;
  password: string;
}

/**
 * The demo's accounts, one per role, each with a fresh random password at every `npm start`
 * (printed, never stored in the repository): a demo shows real sign-in, not a back door.
 */
export async function prepareDemoAccounts(work: UnitOfWork): Promise<DemoAccount[]> {
  const [academy] = DEMO_UNITS;
  const [community014] = DEMO_COMMUNITIES;
  const inAlliance = { allianceId: DEMO_ALLIANCE.id, unitId: null, communityId: null };
  const wanted: Array<{
    label: string;
    login: string;
    displayName: string;
    membership: Omit<NewMembership, 'id'>;
  }> = [
    {
      label: `联席会 coordinator (${DEMO_ALLIANCE.name})`,
      login: 'demo-coordinator',
      displayName: '邙岭路街道联席会',
      membership: { ...inAlliance, role: 'coordinator' },
    },
    {
      label: `unit representative (${academy!.name})`,
      login: 'demo-unit',
      displayName: academy!.name,
      membership: { ...inAlliance, role: 'unit', unitId: academy!.id },
    },
    {
      label: `community representative (${community014!.name})`,
      login: 'demo-community',
      displayName: community014!.name,
      membership: { ...inAlliance, role: 'community', communityId: community014!.id },
    },
    {
      label: 'admin',
      login: 'demo-admin',
      displayName: '系统管理员',
      membership: { ...inAlliance, role: 'admin', allianceId: null },
    },
  ];
  const accounts = new AccountRepository();
  const prepared: DemoAccount[] = [];
  for (const account of wanted) {
    const password = `rc-${randomBytes(9).toString('base64url')}`;
    const passwordHash = await hashPassword(password);
    await work.run(async (tx) => {
      const existing = await accounts.byLogin(tx, account.login);
      const id = existing?.id ?? randomUUID();
      if (existing) {
        await accounts.setPassword(tx, id, passwordHash);
        await accounts.setStatus(tx, id, 'active');
      } else {
        await accounts.create(tx, {
          id,
          login: account.login,
          displayName: account.displayName,
          passwordHash,
        });
      }
      await accounts.addMembership(tx, id, { id: randomUUID(), ...account.membership }, 'demo');
      await accounts.audit(tx, id, 'demo', 'demo-password-set');
    });
    prepared.push({ label: account.label, login: account.login, password });
  }
  return prepared;
}
