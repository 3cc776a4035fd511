import type { TokenSubject } from '@redcrowd/auth';
import { DEMO_ALLIANCE, DEMO_COMMUNITIES, DEMO_REVISION, DEMO_UNITS } from './demo-alliance';

/** How long the printed login links work. */
const LINK_TTL_SECONDS = 12 * 3600;

export type DemoSigner = (who: TokenSubject, ttlSeconds: number) => Promise<string>;

export interface DemoLogin {
  label: string;
  url: string;
}

/**
 * Submits the demo alliance's lists through intake's HTTP API, as each member would with
 * its own sign-in (the same revision each time, so a restart answers "unchanged" and adds
 * nothing), and returns a login link per role for the dashboard. A list intake refuses is
 * reported through `warn` and the rest goes on: the demo never stops the system starting.
 */
export async function seedDemoAlliance(options: {
  intakeUrl: string;
  dashboardUrl: string;
  /** Signs a token for `who` (npm start's TokenKeys, with the matcher's signing key). */
  sign: DemoSigner;
  warn: (message: string) => void;
}): Promise<DemoLogin[]> {
  const alliance = { allianceId: DEMO_ALLIANCE.id, allianceName: DEMO_ALLIANCE.name };
  const submittedAt = '2026-11-21T09:00:00+08:00';
  for (const unit of DEMO_UNITS) {
    const who: TokenSubject = {
      subject: `rep-${unit.id}`,
      role: 'unit',
      name: unit.name,
      unitId: unit.id,
      ...alliance,
    };
    await submit(options, who, 'resource-lists', {
      listId: `demo-${unit.id}`,
      revision: DEMO_REVISION,
      allianceId: DEMO_ALLIANCE.id,
      unit: { id: unit.id, name: unit.name },
      submittedAt,
      items: unit.items,
    });
  }
  for (const community of DEMO_COMMUNITIES) {
    const who: TokenSubject = {
      subject: `rep-${community.id}`,
      role: 'community',
      name: community.name,
      communityId: community.id,
      ...alliance,
    };
    await submit(options, who, 'demand-lists', {
      listId: `demo-${community.id}`,
      revision: DEMO_REVISION,
      allianceId: DEMO_ALLIANCE.id,
      submitter: { kind: 'community', id: community.id, name: community.name },
      submittedAt,
      items: community.items,
    });
  }

  const link = async (who: TokenSubject) =>
    `${options.dashboardUrl}#token=${await options.sign(who, LINK_TTL_SECONDS)}`;
  const [academy] = DEMO_UNITS;
  const [community014] = DEMO_COMMUNITIES;
  return [
    {
      label: `联席会 coordinator (${DEMO_ALLIANCE.name})`,
      url: await link({
        subject: 'coordinator-manglinglu',
        role: 'coordinator',
        name: '邙岭路街道联席会',
        ...alliance,
      }),
    },
    {
      label: `unit representative (${academy!.name})`,
      url: await link({
        subject: `rep-${academy!.id}`,
        role: 'unit',
        name: academy!.name,
        unitId: academy!.id,
        ...alliance,
      }),
    },
    {
      label: `community representative (${community014!.name})`,
      url: await link({
        subject: `rep-${community014!.id}`,
        role: 'community',
        name: community014!.name,
        communityId: community014!.id,
        ...alliance,
      }),
    },
    {
      label: 'admin',
      // An admin belongs to no alliance; the link opens the demo one (others are a pick away).
      url: (await link({ subject: 'admin', role: 'admin', name: '系统管理员' })).replace(
        '#token=',
        `?allianceId=${encodeURIComponent(DEMO_ALLIANCE.id)}#token=`,
      ),
    },
  ];
}

async function submit(
  options: { intakeUrl: string; sign: DemoSigner; warn: (message: string) => void },
  who: TokenSubject,
  path: 'resource-lists' | 'demand-lists',
  list: object,
): Promise<void> {
  try {
    const response = await fetch(`${options.intakeUrl}/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await options.sign(who, 300)}`,
      },
      body: JSON.stringify(list),
    });
    if (response.status !== 201 && response.status !== 200) {
      options.warn(`the ${path} of ${who.name} was refused (${response.status}): ${await response.text()}`);
    }
  } catch (error) {
    options.warn(`the ${path} of ${who.name} could not be sent: ${String(error)}`);
  }
}
