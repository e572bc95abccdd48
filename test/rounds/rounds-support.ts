// Shared by the rounds tests: principals of the seeded keys (the services take a
// WriteContext, the API layers come later) and a valid openRound input.
import type { Principal } from '../../src/auth/principal.js';
import { systemContext, type WriteContext } from '../../src/ingestion/write-context.js';
import type { OpenRoundInput } from '../../src/rounds/open-round.input.js';
import type { TestApp } from '../support/test-app.js';

export async function principals(t: TestApp): Promise<Record<string, Principal>> {
  const rows = await t.dataSource.query<{ id: string; role: Principal['role']; region_code: string }[]>(`SELECT id, role, region_code FROM api_key`);
  return Object.fromEntries(rows.map((r) => [`${r.role}:${r.region_code}`, { keyId: r.id, role: r.role, regionCode: r.region_code }]));
}

export const as = (principal: Principal): WriteContext => systemContext(principal);

export function openInput(overrides: Partial<OpenRoundInput> = {}): OpenRoundInput {
  return {
    provinceCode: '130000',
    name: '2026年第一批五星市场监督管理所评定',
    level: 'FIVE_STAR',
    cutOff: '2026-06-30',
    applicationDeadline: new Date(Date.now() + 30 * 86_400_000),
    publicationDays: 7,
    ...overrides,
  };
}
