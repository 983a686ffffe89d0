import { describe, expect, it } from 'vitest';
import { DATA_ELEMENT_ID, escapeHtml, reportHtml, scriptSafeJson } from '../../viz/html.js';
import { makeResults } from './fixture.js';

describe('scriptSafeJson(value)', () => {
  it('cannot close the script element it sits in, and parses back to the same value', () => {
    const v = { name: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = scriptSafeJson(v);
    expect(text).not.toMatch(/<\/script/i);
    expect(text).not.toContain('<!--');
    expect(JSON.parse(text)).toEqual(v);
  });
});

describe('escapeHtml(text)', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('reportHtml(results, script)', () => {
  it('inlines the data and the script and fetches nothing', () => {
    const r = makeResults({ reps: 3 });
    r.scenario.name = 'A & B <ICS>';
    const html = reportHtml(r, 'console.log("</script>")');
    const m = html.match(new RegExp(`<script type="application/json" id="${DATA_ELEMENT_ID}">([\\s\\S]*?)</script>`));
    expect(m).not.toBeNull();
    expect(JSON.parse(m![1])).toEqual(r);
    expect(html).toContain('<title>A &amp; B &lt;ICS&gt;: caresim report</title>');
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});
