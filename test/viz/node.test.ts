import { describe, expect, it } from 'vitest';
import { reportPage } from '../../viz/node.js';
import { DATA_ELEMENT_ID } from '../../viz/html.js';
import { reportData } from '../../viz/report-data.js';
import { makeResults } from './fixture.js';

describe('reportPage(results, attached)', () => {
  it('is one page holding the report data and the report script, and fetches nothing', async () => {
    const r = makeResults({ reps: 2 });
    r.scenario.name = 'Report <page>';
    const page = await reportPage(r);
    const data = page.match(new RegExp(`<script type="application/json" id="${DATA_ELEMENT_ID}">([\\s\\S]*?)</script>`));
    expect(JSON.parse(data![1])).toEqual(JSON.parse(JSON.stringify(reportData(r, {}))));
    expect(page).toContain('<title>Report &lt;page&gt;: caresim report</title>');
    // The script is the whole report bundle (tens of kilobytes of charts), not a stand-in.
    expect(page.length - data![1].length).toBeGreaterThan(50_000);
    expect(page).not.toMatch(/\s(src|href)=/);
  });
});
