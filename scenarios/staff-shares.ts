/**
 * Staff shared between units are split by fixed shares, never counted twice: the shares of
 * one group's contact hours must add up to at most 100% (what is left over is time the
 * group spends elsewhere, and still costs).
 */
import type { Unit } from '../engine/index.js';
import type { Ctx } from './context.js';
import { child, entry } from './tree.js';

export function checkShares(ctx: Ctx, units: Unit[]): boolean {
  const total = new Map<number, number>();
  const users = new Map<number, string[]>();
  let ok = true;
  const unitsNode = child(ctx.root, 'units');
  for (const u of units) {
    const sf = u.staffing;
    if (!sf) continue;
    const sum = (total.get(sf.group) ?? 0) + sf.share;
    total.set(sf.group, sum);
    const list = [...(users.get(sf.group) ?? []), `\`${u.name}\` ${pct(sf.share)}`];
    users.set(sf.group, list);
    if (sum > 1 + 1e-9 && ok) {
      const staffNode = unitsNode?.kind === 'map' ? child(child(unitsNode, u.name) ?? unitsNode, 'staff') : undefined;
      const at = (staffNode?.kind === 'map' ? entry(staffNode, 'share')?.keyLoc : undefined) ?? staffNode?.loc ?? ctx.root.loc;
      ctx.diags.error(
        'staff-overcommitted',
        at,
        `units.${u.name}.staff.share`,
        `the shares of staff group \`${ctx.staff[sf.group]}\` add up to ${pct(sum)} (${list.join(', ')})`,
        {
          expected: 'shares of one group that add up to at most 100%: the same hours cannot staff two units',
          hint: 'give each unit its `share:` of the group (e.g. `share: 60%` and `share: 40%`)',
        },
      );
      ok = false;
    }
  }
  return ok;
}

const pct = (x: number) => `${Number((x * 100).toPrecision(4))}%`;
